/**
 * Largest-remainder rounding: whole minor units that sum exactly to `total`,
 * each within its integer bounds, each as close to its real-valued target as
 * the sum allows. Callers guarantee the bounds can hold the total.
 */
export type Box = { lo: number; hi: number };

export function roundWithinBounds(targets: number[], boxes: Box[], total: number): number[] {
  const rounded = targets.map((target, i) => {
    const box = boxes[i]!;
    return Math.min(box.hi, Math.max(box.lo, Math.floor(target)));
  });
  let remaining = total - rounded.reduce((sum, value) => sum + value, 0);
  const byFraction = targets
    .map((target, i) => ({ i, fraction: target - Math.floor(target) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  // Floating-point targets can miss the total by more than one unit in either
  // direction, so keep cycling until it is met; each pass moves at least one
  // unit while any entity has room, and the caller guaranteed that one does.
  while (remaining !== 0) {
    const step = remaining > 0 ? 1 : -1;
    const order = step > 0 ? byFraction : [...byFraction].reverse();
    let moved = false;
    for (const { i } of order) {
      if (remaining === 0) break;
      const next = rounded[i]! + step;
      if (next < boxes[i]!.lo || next > boxes[i]!.hi) continue;
      rounded[i] = next;
      remaining -= step;
      moved = true;
    }
    if (!moved) throw new Error("roundWithinBounds: bounds cannot hold the total");
  }
  return rounded;
}
