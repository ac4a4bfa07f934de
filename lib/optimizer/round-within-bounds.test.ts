import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundWithinBounds } from "./round-within-bounds";

describe("roundWithinBounds", () => {
  it("makes whole units that sum to the total, within bounds, each within one unit of its target", () => {
    const boxes = fc.array(
      fc.record({ lo: fc.integer({ min: 0, max: 1_000 }), width: fc.integer({ min: 0, max: 1_000 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(boxes, (specs) => {
        const bounds = specs.map(({ lo, width }) => ({ lo, hi: lo + width }));
        const targets = specs.map(({ lo, width, at }) => lo + width * at);
        const total = Math.round(targets.reduce((sum, target) => sum + target, 0));
        fc.pre(bounds.reduce((s, b) => s + b.lo, 0) <= total && total <= bounds.reduce((s, b) => s + b.hi, 0));
        const rounded = roundWithinBounds(targets, bounds, total);
        expect(rounded.reduce((sum, value) => sum + value, 0)).toBe(total);
        rounded.forEach((value, i) => {
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(bounds[i]!.lo);
          expect(value).toBeLessThanOrEqual(bounds[i]!.hi);
          expect(Math.abs(value - targets[i]!)).toBeLessThan(1 + 1e-9);
        });
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
