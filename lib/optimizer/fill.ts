/**
 * Two ways to share an amount among entities with bounds, both solved by
 * bisection on one level so they cost O(entities × 100):
 * - in proportion to weights (scaling everyone alike when the total changes);
 * - to maximise total results (equal marginal returns).
 */
import type { Box } from "./round-within-bounds";

const ITERATIONS = 100;

function clip(value: number, box: Box): number {
  return Math.min(box.hi, Math.max(box.lo, value));
}

function sumOf(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/** Whether the boxes can hold `amount` at all. */
export function canHold(boxes: Box[], amount: number): boolean {
  return sumOf(boxes.map((box) => box.lo)) <= amount && amount <= sumOf(boxes.map((box) => box.hi));
}

/**
 * x_i = clip(r·w_i) with r chosen so Σx = amount. All-zero weights mean "no
 * preference", so everyone is weighted equally.
 */
export function fillProportionally(weights: number[], boxes: Box[], amount: number): number[] {
  const w = weights.some((weight) => weight > 0) ? weights.map((weight) => Math.max(0, weight)) : weights.map(() => 1);
  const at = (r: number) => w.map((weight, i) => clip(weight * r, boxes[i]!));
  // r large enough that every positive weight reaches its bound (or the amount on its own).
  const finiteHi = boxes.map((box) => (Number.isFinite(box.hi) ? box.hi : amount));
  let hi = Math.max(1, ...w.map((weight, i) => (weight > 0 ? finiteHi[i]! / weight : 0)));
  let lo = 0;
  for (let k = 0; k < ITERATIONS; k++) {
    const mid = (lo + hi) / 2;
    if (sumOf(at(mid)) < amount) lo = mid;
    else hi = mid;
  }
  return at(hi);
}

/** An entity's marginal return near its baseline: marginal·(spend/base)^(elasticity−1). */
export type LocalCurve = { marginal: number; base: number; elasticity: number };

/**
 * Maximise total results within the boxes with Σs = amount, each entity's
 * marginal return following its local power law. At the optimum every entity
 * not at a bound has the same marginal return λ, so
 * s_i(λ) = base·(marginal/λ)^(1/(1−elasticity)), clipped; λ is found by
 * bisection in log space.
 */
export function maximiseReturn(curves: LocalCurve[], boxes: Box[], amount: number): number[] {
  const at = (logLevel: number) =>
    curves.map((curve, i) =>
      curve.marginal > 0
        ? clip(
            Math.max(curve.base, 1) * Math.exp((Math.log(curve.marginal) - logLevel) / (1 - curve.elasticity)),
            boxes[i]!,
          )
        : boxes[i]!.lo,
    );
  // Marginal returns span at most a few dozen orders of magnitude for money amounts.
  let lo = -200;
  let hi = 200;
  for (let k = 0; k < ITERATIONS; k++) {
    const mid = (lo + hi) / 2;
    // A higher level means less spend everywhere.
    if (sumOf(at(mid)) > amount) lo = mid;
    else hi = mid;
  }
  return at(lo);
}
