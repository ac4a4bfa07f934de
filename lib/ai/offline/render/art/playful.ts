import { shade, tint } from "../color";
import { blobPath, circle, n, rect } from "../svg";
import { anchors, clampRadius, scatter } from "./placement";
import type { Art } from "./types";

/** Soft blobs in the brand colours and a scatter of confetti: dots, rings, squiggles, triangles. */
export const playfulArt: Art = ({ frame, palette, theme, rng, keepClear, stage }) => {
  const { width, height, unit } = frame;
  const parts: string[] = [rect({ x: 0, y: 0, w: width, h: height }, `fill="${theme.canvas}"`)];
  const blobColors = [palette.primary, palette.accent, tint(palette.primary, 0.45)];
  const spots = anchors(rng, stage, keepClear, 2 * unit).slice(0, 3);
  spots.forEach((spot, index) => {
    const r = clampRadius(spot.x, spot.y, rng.range(22, 38) * unit, keepClear, 4 * unit) / 1.18;
    if (r > 6 * unit) parts.push(`<path d="${blobPath(spot.x, spot.y, r, 0.32, 7, rng.next)}" fill="${blobColors[index % blobColors.length]}"/>`);
  });

  const confetti = [palette.primary, palette.accent, shade(palette.secondary, 0.2), palette.ink];
  for (const { x, y } of scatter(rng, { x: 0, y: 0, w: width, h: height }, rng.int(14, 22), 4 * unit, keepClear, 1.5 * unit)) {
    const color = rng.pick(confetti);
    const size = rng.range(0.9, 1.8) * unit;
    const turn = n(rng.range(0, 360));
    switch (rng.int(0, 4)) {
      case 0:
        parts.push(circle(x, y, size, `fill="${color}"`));
        break;
      case 1:
        parts.push(circle(x, y, size * 1.3, `fill="none" stroke="${color}" stroke-width="${n(0.55 * unit)}"`));
        break;
      case 2:
        parts.push(rect({ x: x - size, y: y - size / 2, w: size * 2, h: size }, `fill="${color}" transform="rotate(${turn} ${n(x)} ${n(y)})"`, size / 2));
        break;
      case 3:
        parts.push(`<polygon points="${n(x)},${n(y - size * 1.2)} ${n(x + size * 1.1)},${n(y + size * 0.8)} ${n(x - size * 1.1)},${n(y + size * 0.8)}" fill="${color}" stroke="${color}" stroke-width="${n(0.4 * unit)}" stroke-linejoin="round" transform="rotate(${turn} ${n(x)} ${n(y)})"/>`);
        break;
      default: {
        const step = size * 1.1;
        const d = `M${n(x - 2 * step)},${n(y)} q${n(step / 2)},${n(-step)} ${n(step)},0 t${n(step)},0 t${n(step)},0 t${n(step)},0`;
        parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${n(0.5 * unit)}" stroke-linecap="round" transform="rotate(${turn} ${n(x)} ${n(y)})"/>`);
      }
    }
  }
  return parts.join("");
};
