import { mix, shade, tint } from "../color";
import { circle, n, rect } from "../svg";
import type { Art } from "./types";

/**
 * A soft-focus "photo": a graded base, large out-of-focus colour fields, a light
 * leak, and bokeh discs along a diagonal, under a vignette. Blur is faked with
 * radial gradients (SVG blur filters cost resvg hundreds of milliseconds), and
 * the whole backdrop is drawn small and scaled up, which softens it further.
 */
export const photographicArt: Art = ({ frame, palette, theme, rng }) => {
  const { width, height, unit } = frame;
  const big = Math.max(width, height);
  const tones = [palette.primary, palette.secondary, palette.accent, mix(palette.primary, palette.accent, 0.5)];
  const defs: string[] = [
    `<linearGradient id="photo-base" x1="${n(rng.range(0, 0.3))}" y1="0" x2="${n(rng.range(0.7, 1))}" y2="1">` +
      `<stop offset="0" stop-color="${shade(palette.primary, 0.55)}"/><stop offset="0.55" stop-color="${theme.canvas}"/>` +
      `<stop offset="1" stop-color="${shade(palette.accent, 0.6)}"/></linearGradient>`,
    `<radialGradient id="photo-vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.5"/></radialGradient>`,
  ];
  const parts: string[] = [rect({ x: 0, y: 0, w: width, h: height }, `fill="url(#photo-base)"`)];

  // Out-of-focus colour fields: the "scene" behind the lens. A gradient that fades to
  // nothing reads as a gaussian-blurred disc.
  const field = (id: string, color: string, opacity: number) =>
    `<radialGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="${n(opacity)}"/>` +
    `<stop offset="0.45" stop-color="${color}" stop-opacity="${n(opacity * 0.75)}"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`;
  for (let index = 0; index < 6; index++) {
    const color = index === 0 ? tint(rng.pick(tones), 0.15) : rng.pick(tones);
    defs.push(field(`photo-field-${index}`, color, rng.range(0.55, 0.9)));
    parts.push(circle(rng.range(-0.1, 1.1) * width, rng.range(-0.1, 1.1) * height, rng.range(0.25, 0.55) * big, `fill="url(#photo-field-${index})"`));
  }
  // A warm light leak from one corner.
  defs.push(field("photo-leak", tint(palette.accent, 0.55), 0.55));
  parts.push(circle(rng.chance(0.5) ? 0 : width, rng.chance(0.5) ? 0 : height, big * 0.45, `fill="url(#photo-leak)"`));

  // Bokeh: discs with a brighter rim and a soft edge, gathered along a random diagonal
  // like lights in the distance.
  tones.forEach((tone, index) => {
    const color = tint(tone, 0.5);
    defs.push(
      `<radialGradient id="photo-bokeh-${index}"><stop offset="0" stop-color="${color}" stop-opacity="0.42"/>` +
        `<stop offset="0.8" stop-color="${tint(color, 0.25)}" stop-opacity="0.55"/><stop offset="0.93" stop-color="${tint(color, 0.5)}" stop-opacity="0.7"/>` +
        `<stop offset="1" stop-color="${tint(color, 0.5)}" stop-opacity="0"/></radialGradient>`,
    );
  });
  const [x0, y0, x1, y1] = [rng.range(0, 0.4) * width, rng.range(0, 0.3) * height, rng.range(0.6, 1) * width, rng.range(0.7, 1) * height];
  const count = rng.int(26, 40);
  for (let index = 0; index < count; index++) {
    const along = rng.next();
    const spread = rng.range(-0.16, 0.16) * big;
    const x = x0 + (x1 - x0) * along + spread * 0.7;
    const y = y0 + (y1 - y0) * along - spread * 0.5;
    const r = (rng.chance(0.2) ? rng.range(5, 9) : rng.range(1.8, 4.5)) * unit;
    parts.push(circle(x, y, r, `fill="url(#photo-bokeh-${rng.int(0, tones.length - 1)})" opacity="${n(rng.range(0.35, 0.9))}"`));
  }
  parts.push(rect({ x: 0, y: 0, w: width, h: height }, `fill="url(#photo-vignette)"`));
  return `<defs>${defs.join("")}</defs>${parts.join("")}`;
};
