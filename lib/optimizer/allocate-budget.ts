/**
 * allocateBudget: move daily budget toward the entities whose next unit of
 * spend buys the most, in small steps, only on strong evidence, and never for
 * entities Meta is still calibrating.
 *
 * 1. Guardrail boxes: each free entity may move at most ±maxChangePct from its
 *    current budget (rounded inward to whole minor units) and never below its
 *    minimum; frozen entities are pinned. If the boxes cannot hold the total,
 *    see allocateInfeasible.
 * 2. Baseline: if the total changed, free entities are scaled alike within
 *    their boxes first, so a bigger total is not mistaken for a verdict.
 * 3. Evidence: a posterior of each entity's efficiency and diminishing returns,
 *    shrunk toward the account average (posterior.ts); when clicks are
 *    reported, efficiency is clicks per spend (known early) × a conversion
 *    rate (shrunk toward the account's). Entities with too few
 *    conversions are held. Among the rest, one whose marginal return is above
 *    the account's (or the clear losers') with posterior probability ≥ 0.8 may
 *    grow, one below the account's (or the clear winners') may shrink; the
 *    others are held (gate.ts).
 * 4. Water-filling on posterior-mean marginal returns moves budget from the
 *    shrinkers to the growers within their boxes, then largest-remainder
 *    rounding makes whole minor units that sum exactly to the total.
 */
import { allocateInfeasible } from "./allocate-infeasible";
import {
  DEFAULT_FREEZE_DAYS_AFTER_EDIT,
  DEFAULT_MAX_CHANGE_PCT,
  DEFAULT_MIN_CONVERSIONS_TO_ACT,
  DEFAULT_SEED,
  POSTERIOR_DRAWS,
} from "./defaults";
import { evidenceOf } from "./evidence";
import { canHold, fillProportionally, maximiseReturn } from "./fill";
import { freezeOf } from "./freeze";
import {
  accountRateOf,
  exposureByElasticity,
  meanElasticity,
  meanMarginal,
  posteriorOf,
  drawMarginals,
} from "./posterior";
import { gateMoves } from "./gate";
import { mulberry32 } from "./random";
import { reasonFor, type Verdict, type WindowTotals } from "./reasons";
import { roundWithinBounds, type Box } from "./round-within-bounds";
import type { AllocationInput, AllocationResult } from "./types";
import { validateInput } from "./validate-input";

// Keeps float noise such as 80.00000000000001 from costing a whole minor unit at a cap edge.
const EPSILON = 1e-9;

function capBox(current: number, minimum: number, cap: number): Box {
  const lo = Math.max(minimum, Math.ceil(current * (1 - cap) - EPSILON));
  // The minimum wins over the cap: an entity below its minimum is raised to it.
  return { lo, hi: Math.max(lo, Math.floor(current * (1 + cap) + EPSILON)) };
}

/** Snap values within float noise of a whole number, so held budgets stay exactly as they were. */
function snap(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-6 ? nearest : value;
}

function sumWindows(windows: WindowTotals[]): WindowTotals {
  return windows.reduce(
    (sum, w) => ({ spend: sum.spend + w.spend, conversions: sum.conversions + w.conversions, value: sum.value + w.value }),
    { spend: 0, conversions: 0, value: 0 },
  );
}

export function allocateBudget(input: AllocationInput): AllocationResult {
  validateInput(input);
  const { goal, today, entities, totalDailyBudget: total } = input;
  // Nothing to allocate to; the contract's sum holds only for a non-empty list.
  if (entities.length === 0) return { allocations: [] };

  const capPct = input.guardrails?.maxChangePct ?? DEFAULT_MAX_CHANGE_PCT;
  const minConversions = input.guardrails?.minConversionsToAct ?? DEFAULT_MIN_CONVERSIONS_TO_ACT;
  const freezeDays = input.guardrails?.freezeDaysAfterEdit ?? DEFAULT_FREEZE_DAYS_AFTER_EDIT;

  const current = entities.map((entity) => entity.currentDailyBudget);
  const minimum = entities.map((entity) => entity.minDailyBudget ?? 0);
  const freezes = entities.map((entity) => freezeOf(entity, today, freezeDays));
  const evidence = entities.map((entity) => evidenceOf(entity, today));
  const windows = evidence.map((e) => e.window);
  const account = sumWindows(windows);

  const boxes = entities.map((_, i): Box => {
    if (freezes[i]) {
      const pinned = Math.max(current[i]!, minimum[i]!);
      return { lo: pinned, hi: pinned };
    }
    return capBox(current[i]!, minimum[i]!, capPct / 100);
  });

  if (!canHold(boxes, total)) {
    return allocateInfeasible({ entities, freezes, minimum, total, capPct, goal, windows, account, currency: input.currency });
  }

  const free = entities.map((_, i) => i).filter((i) => !freezes[i]);
  const baseline = boxes.map((box, i) => (freezes[i] ? box.lo : Math.min(box.hi, Math.max(box.lo, current[i]!))));
  const pinnedTotal = baseline.reduce((sum, value, i) => (freezes[i] ? sum + value : sum), 0);
  const baselineTotal = baseline.reduce((sum, value) => sum + value, 0);
  if (baselineTotal !== total) {
    const scaled = fillProportionally(
      free.map((i) => current[i]!),
      free.map((i) => boxes[i]!),
      total - pinnedTotal,
    );
    free.forEach((i, k) => (baseline[i] = snap(scaled[k]!)));
  }

  const verdicts: Verdict[] = entities.map((_, i) => {
    const freeze = freezes[i];
    return freeze ? { kind: "frozen", freeze } : { kind: "unclear" };
  });
  const exposures = evidence.map(exposureByElasticity);
  const rate = accountRateOf(evidence, exposures, goal);
  const movable: number[] = [];
  for (const i of free) {
    if (!rate) {
      verdicts[i] = { kind: "no-account-results" };
      continue;
    }
    // Spend that should have bought enough conversions at the account's rate is
    // evidence too: an entity that spent a lot and converted nothing has shown plenty.
    const expected = evidence[i]!.spend * rate.conversionsPerSpend;
    if (Math.max(evidence[i]!.conversions, expected) < minConversions) {
      verdicts[i] = { kind: "thin-evidence", conversions: evidence[i]!.conversions, needed: minConversions };
    } else movable.push(i);
  }
  if (rate && movable.length === 1) verdicts[movable[0]!] = { kind: "nothing-to-compare" };

  const targets = [...baseline];
  const roundingBoxes = boxes.map((box, i) => (Number.isInteger(baseline[i]) ? { lo: baseline[i]!, hi: baseline[i]! } : box));
  if (rate && movable.length >= 2) {
    const posteriors = movable.map((i) => posteriorOf(evidence[i]!, exposures[i]!, rate, goal));
    const random = mulberry32(input.seed ?? DEFAULT_SEED);
    const movableBudgets = movable.map((i) => baseline[i]!);
    const { grow, shrink } = gateMoves(drawMarginals(posteriors, movableBudgets, POSTERIOR_DRAWS, random), movableBudgets);
    const gated: number[] = [];
    const gatedBoxes: Box[] = [];
    movable.forEach((i, k) => {
      const base = baseline[i]!;
      if (grow[k]) {
        verdicts[i] = { kind: "better" };
        gated.push(k);
        gatedBoxes.push({ lo: base, hi: boxes[i]!.hi });
      } else if (shrink[k]) {
        verdicts[i] = { kind: "worse" };
        gated.push(k);
        gatedBoxes.push({ lo: boxes[i]!.lo, hi: base });
      }
    });
    if (gated.length >= 2) {
      const amount = gated.reduce((sum, k) => sum + baseline[movable[k]!]!, 0);
      const curves = gated.map((k) => {
        const base = baseline[movable[k]!]!;
        return { marginal: meanMarginal(posteriors[k]!, base), base, elasticity: meanElasticity(posteriors[k]!) };
      });
      const moved = maximiseReturn(curves, gatedBoxes, amount);
      gated.forEach((k, g) => {
        const i = movable[k]!;
        targets[i] = snap(moved[g]!);
        roundingBoxes[i] = boxes[i]!;
      });
    }
  }

  const budgets = roundWithinBounds(targets, roundingBoxes, total);
  return {
    allocations: entities.map((entity, i) => {
      const change = budgets[i]! - entity.currentDailyBudget;
      const belowMinimum = entity.currentDailyBudget < minimum[i]! && budgets[i] === minimum[i];
      const verdict: Verdict =
        belowMinimum && verdicts[i]!.kind !== "better" ? { kind: "below-minimum", minimum: minimum[i]! } : verdicts[i]!;
      return {
        id: entity.id,
        dailyBudget: budgets[i]!,
        change,
        frozen: freezes[i] !== null,
        reason: reasonFor({ goal, verdict, change, entity: windows[i]!, account, currency: input.currency }),
      };
    }),
  };
}
