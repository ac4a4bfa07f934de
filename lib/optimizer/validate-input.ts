/**
 * Malformed numbers are a caller's bug, not an allocation problem: they are
 * refused loudly rather than silently turned into a budget Meta would spend.
 * Infeasible but well-formed inputs (a total below the minimums, say) are
 * handled by the allocator and explained in the reasons instead.
 */
import type { AllocationInput } from "./types";

function requireMinorUnits(value: number | undefined, what: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole, non-negative number of minor units, got ${value}`);
  }
}

export function validateInput(input: AllocationInput): void {
  requireMinorUnits(input.totalDailyBudget, "totalDailyBudget");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.today)) throw new RangeError(`today must be YYYY-MM-DD, got "${input.today}"`);
  for (const entity of input.entities) {
    requireMinorUnits(entity.currentDailyBudget, `currentDailyBudget of ${entity.id}`);
    requireMinorUnits(entity.minDailyBudget, `minDailyBudget of ${entity.id}`);
  }
  const guardrails = input.guardrails ?? {};
  for (const [name, value] of Object.entries(guardrails)) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`guardrails.${name} must be a non-negative number, got ${value}`);
    }
  }
}
