/**
 * When the ±cap boxes cannot reach the new total (the total jumped, or
 * minimums and frozen budgets leave too little), something must bend. In
 * order of preference, and always summing exactly to the total:
 * 1. the cap bends: every free entity is scaled by the same factor (then
 *    raised to its minimum), frozen entities keep their budgets;
 * 2. frozen entities bend too, scaled alike with everyone (still ≥ minimums);
 * 3. the total is below the sum of minimums: it is split in proportion to the
 *    minimums, so no entity is singled out to be zeroed.
 * No optimisation happens on such a day: one large, explainable step is safer
 * than combining it with evidence-driven moves.
 */
import { canHold, fillProportionally } from "./fill";
import type { Freeze } from "./freeze";
import { reasonFor, type Verdict, type WindowTotals } from "./reasons";
import { roundWithinBounds, type Box } from "./round-within-bounds";
import type { AllocationResult, EntityInput } from "./types";

export type InfeasibleInput = {
  entities: EntityInput[];
  freezes: (Freeze | null)[];
  minimum: number[];
  total: number;
  capPct: number;
  goal: "cpa" | "roas";
  windows: WindowTotals[];
  account: WindowTotals;
  currency?: string;
};

export function allocateInfeasible(input: InfeasibleInput): AllocationResult {
  const { entities, freezes, minimum, total, capPct, goal, windows, account } = input;
  const current = entities.map((entity) => entity.currentDailyBudget);
  const currentTotal = current.reduce((sum, value) => sum + value, 0);
  const hasFree = freezes.some((freeze) => freeze === null);

  const keepFrozen: Box[] = entities.map((_, i) => {
    if (!freezes[i]) return { lo: minimum[i]!, hi: Infinity };
    const pinned = Math.max(current[i]!, minimum[i]!);
    return { lo: pinned, hi: pinned };
  });
  const scaleAll: Box[] = minimum.map((lo) => ({ lo, hi: Infinity }));

  let boxes: Box[];
  let weights: number[];
  let verdictFor: (i: number) => Verdict;
  if (hasFree && canHold(keepFrozen, total)) {
    boxes = keepFrozen;
    weights = current;
    verdictFor = (i) => {
      const freeze = freezes[i];
      return freeze ? { kind: "frozen", freeze } : { kind: "cap-bent", total, currentTotal, capPct, frozenToo: false };
    };
  } else if (canHold(scaleAll, total)) {
    boxes = scaleAll;
    weights = current;
    verdictFor = () => ({ kind: "cap-bent", total, currentTotal, capPct, frozenToo: true });
  } else {
    boxes = minimum.map(() => ({ lo: 0, hi: Infinity }));
    weights = minimum;
    const minimumsTotal = minimum.reduce((sum, value) => sum + value, 0);
    verdictFor = () => ({ kind: "minimums-exceed-total", total, minimumsTotal });
  }

  // Pinned entities take no part in the proportional share.
  const shareWeights = weights.map((weight, i) => (boxes[i]!.lo === boxes[i]!.hi ? 0 : weight));
  const targets = fillProportionally(shareWeights, boxes, total);
  const budgets = roundWithinBounds(targets, boxes, total);
  return {
    allocations: entities.map((entity, i) => {
      const change = budgets[i]! - entity.currentDailyBudget;
      return {
        id: entity.id,
        dailyBudget: budgets[i]!,
        change,
        frozen: freezes[i] !== null,
        reason: reasonFor({ goal, verdict: verdictFor(i), change, entity: windows[i]!, account, currency: input.currency }),
      };
    }),
  };
}
