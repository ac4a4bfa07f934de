import type { Rng } from "../prng";
import { distanceToBox, inflate, intersects, type Box } from "../svg";

/** The largest radius up to `wanted` a circle at (x, y) can have while staying `gap` away from every kept-clear box. */
export function clampRadius(x: number, y: number, wanted: number, keepClear: Box[], gap: number): number {
  return keepClear.reduce((radius, box) => Math.min(radius, distanceToBox(x, y, box) - gap), wanted);
}

/** Random points in `area` whose `size`-square does not touch a kept-clear box; fewer than `count` if the area is crowded. */
export function scatter(rng: Rng, area: Box, count: number, size: number, keepClear: Box[], gap: number): Array<{ x: number; y: number }> {
  const points: Array<{ x: number; y: number }> = [];
  const blocked = keepClear.map((box) => inflate(box, gap));
  for (let attempt = 0; attempt < count * 8 && points.length < count; attempt++) {
    const x = area.x + rng.next() * area.w;
    const y = area.y + rng.next() * area.h;
    const square = { x: x - size / 2, y: y - size / 2, w: size, h: size };
    if (!blocked.some((box) => intersects(square, box))) points.push({ x, y });
  }
  return points;
}

/**
 * Anchor points for big shapes, just outside the stage's corners and edge
 * midpoints, farthest from the text first, with a little jitter.
 */
export function anchors(rng: Rng, stage: Box, keepClear: Box[], overhang: number): Array<{ x: number; y: number }> {
  const { x, y, w, h } = stage;
  const candidates = [
    { x: x - overhang, y: y - overhang },
    { x: x + w + overhang, y: y - overhang },
    { x: x - overhang, y: y + h + overhang },
    { x: x + w + overhang, y: y + h + overhang },
    { x: x + w / 2, y: y - overhang },
    { x: x + w / 2, y: y + h + overhang },
    { x: x - overhang, y: y + h / 2 },
    { x: x + w + overhang, y: y + h / 2 },
  ].map((point) => ({ x: point.x + rng.range(-0.12, 0.12) * w, y: point.y + rng.range(-0.12, 0.12) * h }));
  const clearance = (point: { x: number; y: number }) =>
    keepClear.length === 0 ? rng.next() : Math.min(...keepClear.map((box) => distanceToBox(point.x, point.y, box)));
  return candidates
    .map((point) => ({ point, score: clearance(point) }))
    .sort((a, b) => b.score - a.score)
    .map(({ point }) => point);
}
