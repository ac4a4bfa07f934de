/**
 * The budget policies the bench compares, each deciding today's budgets from
 * what the account reports this morning.
 */
import { allocateBudget, type Allocation } from "@/lib/optimizer";
import type { SimulatedAccount } from "@/lib/optimizer/simulate";

/** Largest-remainder equal split: what a marketer who never touches budgets has. */
export function equalSplit(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

/**
 * What rule-based tools do: each morning take yesterday's reported numbers,
 * find the ad set with the best CPA (ROAS for the ROAS goal) and the worst (no
 * conversions after spending counts as worst), and move 20% of the worst one's
 * budget to the best one, never below its minimum. Ties go to the earlier ad
 * set. It knows nothing of learning phases or settling conversions.
 */
export function yesterdaysBestRule(account: SimulatedAccount): number[] {
  const budgets = account.budgets();
  const entities = account.observe();
  const goal = account.scenario.goal;
  const scores = entities.map((entity) => {
    const yesterday = entity.history.at(-1);
    if (!yesterday || yesterday.spend <= 0) return null;
    // Higher is better: conversions (or value) per unit spent.
    return (goal === "cpa" ? yesterday.conversions : yesterday.conversionValue) / yesterday.spend;
  });
  let best = -1;
  let worst = -1;
  scores.forEach((score, i) => {
    if (score === null) return;
    if (best < 0 || score > scores[best]!) best = i;
    if (worst < 0 || score < scores[worst]!) worst = i;
  });
  if (best < 0 || worst < 0 || best === worst || scores[best]! <= scores[worst]!) return budgets;
  const minimum = entities[worst]!.minDailyBudget ?? 0;
  const moved = Math.min(Math.floor(budgets[worst]! * 0.2), budgets[worst]! - minimum);
  if (moved <= 0) return budgets;
  budgets[worst]! -= moved;
  budgets[best]! += moved;
  return budgets;
}

export type GuardrailCheck = { violations: number; frozenDays: number };

/**
 * AdPilot's allocator, with its output checked against the guardrails it
 * promises: the exact total, minimums, ±20% per day, frozen entities untouched.
 * The bench's totals never change, so no day is infeasible and every breach counts.
 */
export function allocatorBudgets(account: SimulatedAccount, total: number, check: GuardrailCheck): number[] {
  const entities = account.observe();
  const { allocations } = allocateBudget({
    goal: account.scenario.goal,
    totalDailyBudget: total,
    today: account.dateOf(account.today),
    entities,
    seed: account.scenario.seed * 1000 + account.today,
  });
  check.violations += countViolations(allocations, entities, total);
  check.frozenDays += allocations.filter((allocation) => allocation.frozen).length;
  return allocations.map((allocation) => allocation.dailyBudget);
}

function countViolations(
  allocations: Allocation[],
  entities: ReturnType<SimulatedAccount["observe"]>,
  total: number,
): number {
  let violations = allocations.reduce((sum, allocation) => sum + allocation.dailyBudget, 0) === total ? 0 : 1;
  allocations.forEach((allocation, i) => {
    const entity = entities[i]!;
    const current = entity.currentDailyBudget;
    if (allocation.dailyBudget < (entity.minDailyBudget ?? 0)) violations++;
    if (Math.abs(allocation.dailyBudget - current) > current * 0.2 + 1e-9) violations++;
    if (allocation.frozen && allocation.dailyBudget !== current) violations++;
    if (allocation.id !== entity.id || allocation.change !== allocation.dailyBudget - current) violations++;
  });
  return violations;
}
