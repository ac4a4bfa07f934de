/**
 * The allocator's contract as properties over generated accounts. Guarantees
 * that hold only for feasible inputs are stated over those inputs (filtered
 * with an independent feasibility check); the infeasible ones get their own
 * properties: exact sum, no negatives, no NaN, a reason for every entity.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./dates";
import { allocateBudget } from "./index";
import type { AllocationInput, DailyStats, EntityInput } from "./types";

const TODAY = "2025-03-15";
const RUNS = { numRuns: 200, seed: 8_2025 };
const CAP = 0.2;

const dayStats = fc.record({
  spend: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000 })),
  impressions: fc.integer({ min: 0, max: 100_000 }),
  clicks: fc.integer({ min: 0, max: 1_000 }),
  conversions: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
  conversionValue: fc.integer({ min: 0, max: 500_000 }),
});

const entityArbitrary = (index: number) =>
  fc
    .record({
      current: fc.integer({ min: 0, max: 200_000 }),
      minimumShare: fc.double({ min: 0, max: 1, noNaN: true }),
      hasMinimum: fc.boolean(),
      editedDaysAgo: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
      history: fc.array(dayStats, { maxLength: 40 }),
    })
    .map(({ current, minimumShare, hasMinimum, editedDaysAgo, history }): EntityInput => ({
      id: `e${index}`,
      currentDailyBudget: current,
      // Minimums at or below the current budget: the inputs the guarantees are about.
      ...(hasMinimum ? { minDailyBudget: Math.floor(current * minimumShare) } : {}),
      ...(editedDaysAgo !== undefined ? { lastSignificantEditAt: addDays(TODAY, -editedDaysAgo) } : {}),
      history: history.map((day, age): DailyStats => ({ ...day, date: addDays(TODAY, -(age + 1)) })),
    }));

const entitiesArbitrary = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => entityArbitrary(i))));

const goal = fc.constantFrom<"cpa" | "roas">("cpa", "roas");

/** The freeze rule, restated independently of the implementation. */
function shouldFreeze(entity: EntityInput): boolean {
  if (!entity.lastSignificantEditAt) return false;
  const since = daysBetween(entity.lastSignificantEditAt, TODAY);
  if (since < 3) return true;
  if (since >= 7) return false;
  const results = entity.history.filter((d) => d.date >= entity.lastSignificantEditAt!).reduce((s, d) => s + d.conversions, 0);
  return results < 50;
}

/** Whether ±20% moves of the free entities, above their minimums, can reach the total. */
function feasible(entities: EntityInput[], total: number): boolean {
  let lo = 0;
  let hi = 0;
  for (const entity of entities) {
    const current = entity.currentDailyBudget;
    if (shouldFreeze(entity)) {
      lo += current;
      hi += current;
    } else {
      const low = Math.max(entity.minDailyBudget ?? 0, Math.ceil(current * (1 - CAP) - 1e-9));
      lo += low;
      hi += Math.max(low, Math.floor(current * (1 + CAP) + 1e-9));
    }
  }
  return lo <= total && total <= hi;
}

/** A total the guardrails can reach: the current sum moved by a feasible fraction of the free room. */
const feasibleInput = fc
  .record({ entities: entitiesArbitrary, goal, shift: fc.double({ min: -1, max: 1, noNaN: true }), seed: fc.integer() })
  .map(({ entities, goal, shift, seed }): AllocationInput => {
    const current = entities.reduce((sum, e) => sum + e.currentDailyBudget, 0);
    const room = entities
      .filter((e) => !shouldFreeze(e))
      .reduce((sum, e) => sum + Math.floor(e.currentDailyBudget * CAP) - 1, 0);
    const total = Math.max(0, current + Math.round(shift * Math.max(0, room) * 0.5));
    return { goal, totalDailyBudget: total, today: TODAY, entities, seed };
  })
  .filter((input) => feasible(input.entities, input.totalDailyBudget));

const anyInput = fc
  .record({ entities: entitiesArbitrary, goal, total: fc.integer({ min: 0, max: 2_000_000 }), seed: fc.integer() })
  .map(({ entities, goal, total, seed }): AllocationInput => ({ goal, totalDailyBudget: total, today: TODAY, entities, seed }));

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

describe("allocateBudget contract on feasible inputs", () => {
  it("sums exactly to the total", () => {
    fc.assert(
      fc.property(feasibleInput, (input) => {
        expect(sum(allocateBudget(input).allocations.map((a) => a.dailyBudget))).toBe(input.totalDailyBudget);
      }),
      RUNS,
    );
  });

  it("never goes below an entity's minimum", () => {
    fc.assert(
      fc.property(feasibleInput, (input) => {
        allocateBudget(input).allocations.forEach((allocation, i) => {
          expect(allocation.dailyBudget).toBeGreaterThanOrEqual(input.entities[i]!.minDailyBudget ?? 0);
        });
      }),
      RUNS,
    );
  });

  it("never changes an entity by more than the cap", () => {
    fc.assert(
      fc.property(feasibleInput, (input) => {
        allocateBudget(input).allocations.forEach((allocation, i) => {
          const current = input.entities[i]!.currentDailyBudget;
          expect(Math.abs(allocation.change)).toBeLessThanOrEqual(current * CAP + 1e-9);
          expect(allocation.change).toBe(allocation.dailyBudget - current);
        });
      }),
      RUNS,
    );
  });

  it("freezes exactly the entities in learning or recently edited, and leaves them unchanged", () => {
    fc.assert(
      fc.property(feasibleInput, (input) => {
        allocateBudget(input).allocations.forEach((allocation, i) => {
          const entity = input.entities[i]!;
          expect(allocation.frozen).toBe(shouldFreeze(entity));
          if (allocation.frozen) expect(allocation.dailyBudget).toBe(entity.currentDailyBudget);
        });
      }),
      RUNS,
    );
  });

  it("gives the same result for the same input and seed", () => {
    fc.assert(
      fc.property(feasibleInput, (input) => {
        expect(allocateBudget(input)).toEqual(allocateBudget(structuredClone(input)));
      }),
      RUNS,
    );
  });
});

function expectWellFormed(input: AllocationInput): void {
  const { allocations } = allocateBudget(input);
  expect(allocations.map((a) => a.id)).toEqual(input.entities.map((e) => e.id));
  expect(sum(allocations.map((a) => a.dailyBudget))).toBe(input.totalDailyBudget);
  for (const allocation of allocations) {
    expect(Number.isSafeInteger(allocation.dailyBudget)).toBe(true);
    expect(allocation.dailyBudget).toBeGreaterThanOrEqual(0);
    expect(Number.isSafeInteger(allocation.change)).toBe(true);
    // One sentence, no NaN or Infinity leaking into the numbers.
    expect(allocation.reason).toMatch(/^[A-Z].*\.$/);
    expect(allocation.reason).not.toMatch(/NaN|Infinity|undefined/);
  }
}

describe("allocateBudget on any input, feasible or not", () => {
  it("still sums exactly, never goes negative, and explains every allocation", () => {
    fc.assert(fc.property(anyInput, expectWellFormed), RUNS);
  });

  it("keeps minimums whenever the total covers them, even when the cap must bend", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        fc.pre(sum(input.entities.map((e) => e.minDailyBudget ?? 0)) <= input.totalDailyBudget);
        allocateBudget(input).allocations.forEach((allocation, i) => {
          expect(allocation.dailyBudget).toBeGreaterThanOrEqual(input.entities[i]!.minDailyBudget ?? 0);
        });
      }),
      RUNS,
    );
  });

  it("says so when the total is below the sum of minimums", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const minimums = sum(input.entities.map((e) => e.minDailyBudget ?? 0));
        fc.pre(minimums > input.totalDailyBudget);
        for (const allocation of allocateBudget(input).allocations) {
          expect(allocation.reason).toMatch(/minimum budgets add up to/);
        }
      }),
      RUNS,
    );
  });

  it("handles empty and zero-spend histories without NaN", () => {
    const zeroHistory = fc.array(
      fc.record({ current: fc.integer({ min: 0, max: 100_000 }), days: fc.integer({ min: 0, max: 30 }) }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(zeroHistory, goal, fc.integer({ min: 0, max: 1_000_000 }), (specs, goal, total) => {
        const entities = specs.map(({ current, days }, i): EntityInput => ({
          id: `z${i}`,
          currentDailyBudget: current,
          history: Array.from({ length: days }, (_, age) => ({
            date: addDays(TODAY, -(age + 1)),
            spend: 0,
            impressions: 0,
            clicks: 0,
            conversions: 0,
            conversionValue: 0,
          })),
        }));
        expectWellFormed({ goal, totalDailyBudget: total, today: TODAY, entities });
      }),
      RUNS,
    );
  });
});
