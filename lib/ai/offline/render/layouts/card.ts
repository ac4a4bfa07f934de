import { shade } from "../color";
import { inflate, rect, type Box } from "../svg";
import { panelFill } from "./panels";
import type { Layout } from "./types";

/** A floating card hugging the content, art all around it. */
export const card: Layout = ({ frame, theme, mirrored }) => {
  const { safe, unit, width, height } = frame;
  const pad = 5.5 * unit;
  let column: Box;
  if (frame.shape === "landscape") {
    const cardWidth = width * 0.46;
    const x = mirrored ? width - width * 0.07 - cardWidth : width * 0.07;
    column = { x: x + pad, y: safe.y + pad, w: cardWidth - 2 * pad, h: safe.h - 2 * pad };
  } else {
    column = { x: safe.x + pad, y: safe.y + pad, w: safe.w - 2 * pad, h: safe.h - 2 * pad };
  }
  const cardBox = (content: Box) => inflate(content, pad);
  return {
    column,
    align: frame.shape === "landscape" ? "start" : "middle",
    vAlign: "center",
    arrangement: "stack",
    surface: "panel",
    structure: (content) => {
      const box = cardBox(content);
      const radius = theme.panelCorner * unit;
      return cardShadow(theme.style, box, radius, unit, theme.decor) + rect(box, panelFill(theme), radius) + cardFinish(theme.style, box, unit, theme.decor);
    },
    keepClear: (content) => [inflate(cardBox(content), 2 * unit)],
    stage: { x: 0, y: 0, w: width, h: height },
  };
};

function cardShadow(style: string, box: Box, radius: number, unit: number, decor: string): string {
  switch (style) {
    case "playful":
      return rect({ ...box, x: box.x + 1.4 * unit, y: box.y + 1.4 * unit }, `fill="${shade(decor, 0.25)}"`, radius);
    case "bold":
      return rect({ ...box, x: box.x + 1.6 * unit, y: box.y + 1.6 * unit }, `fill="${decor}"`, radius);
    case "minimal":
      // Two faint offset layers read as a soft shadow without the cost of a blur filter.
      return (
        rect({ ...box, y: box.y + 1.2 * unit }, `fill="#000000" fill-opacity="0.05"`, radius) +
        rect({ ...box, y: box.y + 0.5 * unit }, `fill="#000000" fill-opacity="0.05"`, radius)
      );
    default:
      return "";
  }
}

/** Elegant cards get an inner hairline frame. */
function cardFinish(style: string, box: Box, unit: number, decor: string): string {
  if (style !== "elegant") return "";
  return rect(inflate(box, -1.4 * unit), `fill="none" stroke="${decor}" stroke-width="${Math.max(1.5, 0.2 * unit)}"`);
}
