import { mix } from "../color";
import { circle, inflate, n, rect } from "../svg";
import { anchors, clampRadius } from "./placement";
import type { Art } from "./types";

/** A deep, softly lit canvas with fine metallic line work: concentric arcs, a fan of rays, a framed border. */
export const elegantArt: Art = ({ frame, theme, rng, keepClear, stage, layout }) => {
  const { width, height, unit } = frame;
  const line = n(Math.max(1.5, 0.2 * unit));
  const glowX = stage.x + stage.w * rng.range(0.35, 0.65);
  const glowY = stage.y + stage.h * rng.range(0.3, 0.6);
  const parts: string[] = [
    `<defs><radialGradient id="elegant-glow" gradientUnits="userSpaceOnUse" cx="${n(glowX)}" cy="${n(glowY)}" r="${n(Math.max(width, height) * 0.75)}">` +
      `<stop offset="0" stop-color="${theme.artBright}"/><stop offset="1" stop-color="${theme.canvas}"/></radialGradient></defs>`,
    rect({ x: 0, y: 0, w: width, h: height }, `fill="url(#elegant-glow)"`),
  ];

  const [arcs, fan] = anchors(rng, stage, keepClear, 2 * unit);
  if (arcs) {
    const outer = clampRadius(arcs.x, arcs.y, rng.range(40, 60) * unit, keepClear, 3 * unit);
    const rings = rng.int(4, 6);
    for (let ring = 0; ring < rings; ring++) {
      const r = outer - ring * rng.range(3.2, 4.4) * unit;
      if (r > 4 * unit) parts.push(circle(arcs.x, arcs.y, r, `fill="none" stroke="${theme.decor}" stroke-opacity="${n(0.5 - ring * 0.06)}" stroke-width="${line}"`));
    }
  }
  if (fan) {
    const reach = clampRadius(fan.x, fan.y, rng.range(30, 46) * unit, keepClear, 3 * unit);
    if (reach > 10 * unit) {
      const rays = 11;
      const start = Math.atan2(height / 2 - fan.y, width / 2 - fan.x) - Math.PI / 3;
      for (let ray = 0; ray < rays; ray++) {
        const angle = start + (ray / (rays - 1)) * ((Math.PI * 2) / 3);
        parts.push(
          `<line x1="${n(fan.x)}" y1="${n(fan.y)}" x2="${n(fan.x + Math.cos(angle) * reach)}" y2="${n(fan.y + Math.sin(angle) * reach)}" stroke="${theme.decor}" stroke-opacity="0.35" stroke-width="${line}"/>`,
        );
      }
      parts.push(circle(fan.x, fan.y, reach * 0.22, `fill="${mix(theme.canvas, theme.decor, 0.25)}"`));
    }
  }
  // A double hairline border frames centred compositions; panels would cut through it elsewhere.
  if (layout === "centered" || layout === "card") {
    const outer = inflate({ x: 0, y: 0, w: width, h: height }, -3 * unit);
    parts.push(rect(outer, `fill="none" stroke="${theme.decor}" stroke-width="${line}"`), rect(inflate(outer, -0.9 * unit), `fill="none" stroke="${theme.decor}" stroke-opacity="0.6" stroke-width="${line}"`));
  }
  return parts.join("");
};
