import { inflate } from "../svg";
import { radialScrim } from "./panels";
import type { Layout } from "./types";

/** Everything centred on the canvas, art all around: the classic hero. */
export const centered: Layout = ({ frame, theme }) => {
  const { safe, unit, width, height } = frame;
  // A wide frame would stretch a centred headline into one long line; keep a readable measure.
  const inset = frame.shape === "landscape" ? width * 0.17 : safe.x + 2 * unit;
  return {
    column: { x: inset, y: safe.y, w: width - 2 * inset, h: safe.h },
    align: "middle",
    vAlign: "center",
    arrangement: "stack",
    surface: "canvas",
    structure: (content) => radialScrim(theme, content, "centered-scrim"),
    keepClear: (content) => [inflate(content, 4 * unit)],
    stage: { x: 0, y: 0, w: width, h: height },
  };
};
