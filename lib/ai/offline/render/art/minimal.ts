import { mix } from "../color";
import { circle, n, rect } from "../svg";
import { anchors, clampRadius } from "./placement";
import type { Art } from "./types";

/** Restraint: one soft disc, one hairline arc and a small dot grid on warm paper. */
export const minimalArt: Art = ({ frame, palette, theme, rng, keepClear, stage }) => {
  const { width, height, unit } = frame;
  const parts: string[] = [rect({ x: 0, y: 0, w: width, h: height }, `fill="${theme.canvas}"`)];
  const [disc, grid] = anchors(rng, stage, keepClear, 0);
  if (disc) {
    const r = clampRadius(disc.x, disc.y, rng.range(26, 42) * unit, keepClear, 3 * unit);
    if (r > 6 * unit) {
      parts.push(circle(disc.x, disc.y, r, `fill="${mix(theme.canvas, palette.secondary, 0.55)}"`));
      const arc = r + rng.range(2.5, 4) * unit;
      if (clampRadius(disc.x, disc.y, arc, keepClear, unit) >= arc) {
        parts.push(circle(disc.x + rng.range(-2, 2) * unit, disc.y, arc, `fill="none" stroke="${theme.decor}" stroke-width="${n(Math.max(1.5, 0.22 * unit))}"`));
      }
    }
  }
  if (grid) {
    const step = 2.6 * unit;
    const count = 5;
    const span = step * (count - 1);
    const x0 = Math.min(Math.max(grid.x - span / 2, 3 * unit), width - 3 * unit - span);
    const y0 = Math.min(Math.max(grid.y - span / 2, 3 * unit), height - 3 * unit - span);
    const box = { x: x0 - unit, y: y0 - unit, w: span + 2 * unit, h: span + 2 * unit };
    if (clampRadius(box.x + box.w / 2, box.y + box.h / 2, box.w, keepClear, 0) >= box.w * 0.75) {
      for (let row = 0; row < count; row++) {
        for (let col = 0; col < count; col++) parts.push(circle(x0 + col * step, y0 + row * step, 0.32 * unit, `fill="${palette.ink}" fill-opacity="0.28"`));
      }
    }
  }
  return parts.join("");
};
