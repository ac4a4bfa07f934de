import type { Box } from "../svg";
import { edgedPanel, type Edge } from "./panels";
import type { Layout } from "./types";

/** A solid text panel beside (wide, square) or below (tall) a field of art. */
export const split: Layout = ({ frame, theme, mirrored }) => {
  const { safe, unit, width, height } = frame;
  const margin = safe.x;
  if (frame.shape !== "portrait") {
    const panelWidth = Math.round(width * (frame.shape === "landscape" ? 0.5 : 0.56));
    const panel: Box = { x: mirrored ? width - panelWidth : 0, y: 0, w: panelWidth, h: height };
    const edge: Edge = mirrored ? "left" : "right";
    return {
      column: { x: panel.x + margin, y: safe.y, w: panelWidth - 2 * margin, h: safe.h },
      align: "start",
      vAlign: "center",
      arrangement: "stack",
      surface: "panel",
      structure: () => edgedPanel(theme, panel, edge, unit),
      // Decoration stays whole on the art side instead of being sliced by the panel.
      keepClear: () => [panel],
      stage: { x: mirrored ? 0 : panelWidth, y: 0, w: width - panelWidth, h: height },
    };
  }
  // Tall frames: art on top, text below; mirrored puts the panel on top. In 9:16 the
  // panel's text still stays between the Stories UI zones via the safe box.
  const divide = Math.round(height * (frame.format === "9:16" ? 0.45 : 0.5));
  const gap = 5 * unit;
  const panel: Box = mirrored ? { x: 0, y: 0, w: width, h: height - divide } : { x: 0, y: divide, w: width, h: height - divide };
  const top = mirrored ? safe.y : divide + gap;
  const bottom = mirrored ? height - divide - gap : safe.y + safe.h;
  return {
    column: { x: safe.x, y: top, w: safe.w, h: bottom - top },
    align: "start",
    vAlign: "center",
    arrangement: "stack",
    surface: "panel",
    structure: () => edgedPanel(theme, panel, mirrored ? "bottom" : "top", unit),
    keepClear: () => [panel],
    stage: mirrored ? { x: 0, y: height - divide, w: width, h: divide } : { x: 0, y: 0, w: width, h: divide },
  };
};
