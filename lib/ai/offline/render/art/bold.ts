import { contrast, shade, tint } from "../color";
import { circle, n, rect } from "../svg";
import { anchors, clampRadius, scatter } from "./placement";
import type { Art } from "./types";

/** Big flat geometry in the brand colours: discs, a ring, stripes, a dot grid, a few sparks. */
export const boldArt: Art = ({ frame, palette, theme, rng, keepClear, stage }) => {
  const { width, height, unit } = frame;
  const canvas = theme.canvas;
  const solid = contrast(palette.secondary, canvas) >= 1.3 ? palette.secondary : shade(canvas, 0.35);
  const light = contrast(palette.accent, canvas) >= 1.3 ? palette.accent : tint(canvas, 0.4);
  const parts: string[] = [
    `<defs><linearGradient id="bold-depth" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${tint(canvas, 0.07)}"/><stop offset="1" stop-color="${shade(canvas, 0.12)}"/></linearGradient>`,
    `<pattern id="bold-stripes" width="${n(2.6 * unit)}" height="${n(2.6 * unit)}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="${n(1.1 * unit)}" height="${n(2.6 * unit)}" fill="${light}"/></pattern>`,
    `<pattern id="bold-dots" width="${n(3.2 * unit)}" height="${n(3.2 * unit)}" patternUnits="userSpaceOnUse"><circle cx="${n(1.6 * unit)}" cy="${n(1.6 * unit)}" r="${n(0.5 * unit)}" fill="#ffffff" fill-opacity="0.55"/></pattern></defs>`,
    rect({ x: 0, y: 0, w: width, h: height }, `fill="url(#bold-depth)"`),
  ];

  const spots = anchors(rng, stage, keepClear, 4 * unit);
  const [first, second, third] = spots;
  if (first) {
    const r = clampRadius(first.x, first.y, rng.range(34, 52) * unit, keepClear, 3 * unit);
    if (r > 8 * unit) parts.push(circle(first.x, first.y, r, `fill="${solid}"`));
    const stripes = r * rng.range(0.45, 0.6);
    if (stripes > 6 * unit) parts.push(circle(first.x, first.y, stripes, `fill="url(#bold-stripes)"`));
  }
  if (second) {
    const r = clampRadius(second.x, second.y, rng.range(18, 30) * unit, keepClear, 3 * unit);
    if (r > 6 * unit) parts.push(circle(second.x, second.y, r - 1.6 * unit, `fill="none" stroke="${light}" stroke-width="${n(3.2 * unit)}"`));
  }
  if (third) {
    const half = Math.min(11 * unit, clampRadius(third.x, third.y, 16 * unit, keepClear, 2 * unit) / 1.5);
    if (half > 4 * unit) parts.push(rect({ x: third.x - half, y: third.y - half, w: 2 * half, h: 2 * half }, `fill="url(#bold-dots)"`));
  }

  // Sparks: small plus signs and triangles scattered where the text is not.
  for (const { x, y } of scatter(rng, stage, rng.int(3, 6), 5 * unit, keepClear, 2 * unit)) {
    const size = rng.range(1.6, 2.8) * unit;
    const color = rng.chance(0.5) ? light : "#ffffff";
    if (rng.chance(0.5)) {
      const bar = size * 0.34;
      parts.push(rect({ x: x - size, y: y - bar / 2, w: 2 * size, h: bar }, `fill="${color}"`), rect({ x: x - bar / 2, y: y - size, w: bar, h: 2 * size }, `fill="${color}"`));
    } else {
      const turn = rng.range(0, 360);
      parts.push(`<polygon points="${n(x)},${n(y - size)} ${n(x + size)},${n(y + size * 0.8)} ${n(x - size)},${n(y + size * 0.8)}" fill="${color}" transform="rotate(${n(turn)} ${n(x)} ${n(y)})"/>`);
    }
  }
  return parts.join("");
};
