import { mix } from "../color";
import type { Theme } from "../styles";
import { n, polygon, rect, type Box } from "../svg";

/** Fill attributes of a panel in the theme's colour (translucent for photographic). */
export function panelFill(theme: Theme): string {
  return theme.panelOpacity >= 1 ? `fill="${theme.panel}"` : `fill="${theme.panel}" fill-opacity="${theme.panelOpacity}"`;
}

export type Edge = "left" | "right" | "top" | "bottom";

/**
 * A rectangular panel whose `edge` faces the art, finished in the style's manner:
 * an accent stripe (bold), a hairline (elegant), a wave (playful), or plain.
 */
export function edgedPanel(theme: Theme, panel: Box, edge: Edge, unit: number): string {
  if (theme.style === "playful") return wavyPanel(theme, panel, edge, unit);
  let finish = "";
  const horizontal = edge === "top" || edge === "bottom";
  const at = edge === "left" ? panel.x : edge === "right" ? panel.x + panel.w : edge === "top" ? panel.y : panel.y + panel.h;
  if (theme.style === "bold") {
    const thickness = 1.4 * unit;
    const offset = edge === "left" || edge === "top" ? -thickness : 0;
    finish = horizontal
      ? rect({ x: panel.x, y: at + offset, w: panel.w, h: thickness }, `fill="${theme.decor}"`)
      : rect({ x: at + offset, y: panel.y, w: thickness, h: panel.h }, `fill="${theme.decor}"`);
  } else if (theme.style === "elegant") {
    const inset = 2.2 * unit;
    const line = Math.max(1.5, 0.22 * unit);
    const inward = edge === "left" || edge === "top" ? inset : -inset - line;
    finish = horizontal
      ? rect({ x: panel.x, y: at + inward, w: panel.w, h: line }, `fill="${theme.decor}"`)
      : rect({ x: at + inward, y: panel.y, w: line, h: panel.h }, `fill="${theme.decor}"`);
  }
  return rect(panel, panelFill(theme)) + finish;
}

/** Playful panels meet the art with a gentle wave instead of a ruler line. */
function wavyPanel(theme: Theme, panel: Box, edge: Edge, unit: number): string {
  const amplitude = 1.8 * unit;
  const horizontal = edge === "top" || edge === "bottom";
  const length = horizontal ? panel.w : panel.h;
  const waves = Math.max(2, Math.round(length / (26 * unit)));
  const step = length / waves;
  const points: Array<[number, number]> = [];
  const samples = waves * 12;
  for (let index = 0; index <= samples; index++) {
    const along = (index / samples) * length;
    const wave = Math.sin((along / step) * Math.PI * 2) * amplitude;
    if (edge === "top") points.push([panel.x + along, panel.y + wave]);
    else if (edge === "bottom") points.push([panel.x + panel.w - along, panel.y + panel.h + wave]);
    else if (edge === "left") points.push([panel.x + wave, panel.y + panel.h - along]);
    else points.push([panel.x + panel.w + wave, panel.y + along]);
  }
  const corners: Array<[number, number]> =
    edge === "top"
      ? [[panel.x + panel.w, panel.y + panel.h], [panel.x, panel.y + panel.h]]
      : edge === "bottom"
        ? [[panel.x, panel.y], [panel.x + panel.w, panel.y]]
        : edge === "left"
          ? [[panel.x + panel.w, panel.y], [panel.x + panel.w, panel.y + panel.h]]
          : [[panel.x, panel.y + panel.h], [panel.x, panel.y]];
  // A band of the decor colour peeking out on the art side, like a layered paper cut-out.
  const shift = 1.1 * unit;
  const [dx, dy] = edge === "top" ? [0, -shift] : edge === "bottom" ? [0, shift] : edge === "left" ? [-shift, 0] : [shift, 0];
  const shadow = polygon(
    [...points, ...corners].map(([x, y]) => [x + dx, y + dy] as [number, number]),
    `fill="${mix(theme.panel, theme.decor, 0.75)}"`,
  );
  return shadow + polygon([...points, ...corners], panelFill(theme));
}

/** Soft dark ellipse behind centred text on a busy photographic canvas. */
export function radialScrim(theme: Theme, content: Box, id: string): string {
  if (theme.canvasScrim <= 0) return "";
  const cx = content.x + content.w / 2;
  const cy = content.y + content.h / 2;
  const inner = Math.hypot(content.w, content.h) / 2;
  const outer = inner * 1.7;
  const hold = inner / outer;
  return (
    `<defs><radialGradient id="${id}" gradientUnits="userSpaceOnUse" cx="${n(cx)}" cy="${n(cy)}" r="${n(outer)}">` +
    `<stop offset="0" stop-color="${theme.panel}" stop-opacity="${theme.canvasScrim}"/>` +
    `<stop offset="${n(hold)}" stop-color="${theme.panel}" stop-opacity="${theme.canvasScrim}"/>` +
    `<stop offset="1" stop-color="${theme.panel}" stop-opacity="0"/></radialGradient></defs>` +
    rect({ x: cx - outer, y: cy - outer, w: 2 * outer, h: 2 * outer }, `fill="url(#${id})"`)
  );
}
