/**
 * The oracle knows every ad set's true curve and today's efficiency (fatigue,
 * learning), sees no noise, pays no learning penalty for its own moves, and
 * each day splits the total to equalise true marginal returns subject to the
 * same minimums (water-filling). Its expected outcome is the ceiling every
 * policy is measured against.
 */
import type { SimulatedAccount } from "@/lib/optimizer/simulate";

type Range = { lo: number; hi: number };

export function oracleBudgets(account: SimulatedAccount, total: number): number[] {
  return waterFill(
    account,
    total,
    account.scenario.adSets.map((adSet) => ({ lo: adSet.minDailyBudget, hi: Infinity })),
  );
}

/**
 * The oracle held to the allocator's ±20% a day: what perfect knowledge could
 * reach under the same guardrail, i.e. how much of the gap to the oracle is the
 * price of moving slowly rather than of not knowing.
 */
export function cappedOracleBudgets(account: SimulatedAccount, total: number): number[] {
  const budgets = account.budgets();
  return waterFill(
    account,
    total,
    account.scenario.adSets.map((adSet, i) => {
      const lo = Math.max(adSet.minDailyBudget, budgets[i]! * 0.8);
      return { lo, hi: Math.max(lo, budgets[i]! * 1.2) };
    }),
  );
}

function waterFill(account: SimulatedAccount, total: number, ranges: Range[]): number[] {
  const { adSets, goal } = account.scenario;
  // Marginal outcome at zero spend: value (or 1) × ceiling × efficiency / saturation.
  const start = adSets.map(
    (adSet, i) =>
      ((goal === "roas" ? adSet.valuePerConversion : 1) * adSet.ceiling * account.efficiency(i, account.today)) /
      adSet.saturation,
  );
  // Spend at which marginal return falls to e^level, within each range.
  const at = (level: number) =>
    adSets.map((adSet, i) =>
      Math.min(ranges[i]!.hi, Math.max(ranges[i]!.lo, adSet.saturation * (Math.log(start[i]!) - level))),
    );
  let lo = -100;
  let hi = 100;
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    const spent = at(mid).reduce((sum, spend) => sum + spend, 0);
    if (spent > total) lo = mid;
    else hi = mid;
  }
  return at(hi);
}
