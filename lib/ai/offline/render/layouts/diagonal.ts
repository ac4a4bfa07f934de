import { polygon } from "../svg";
import { panelFill } from "./panels";
import type { Layout } from "./types";

/** A slanted slab carries the text; a parallel stripe echoes its edge over the art. */
export const diagonal: Layout = ({ frame, theme, mirrored }) => {
  const { safe, unit, width, height } = frame;
  const flipX = (x: number) => (mirrored ? width - x : x);
  const stripeGap = 2.4 * unit;
  const stripeWidth = 1.8 * unit;
  if (frame.shape !== "portrait") {
    const topX = width * (frame.shape === "landscape" ? 0.6 : 0.7);
    const bottomX = topX - width * 0.14;
    const slab = polygon([[flipX(0), 0], [flipX(topX), 0], [flipX(bottomX), height], [flipX(0), height]], panelFill(theme));
    const stripe = polygon(
      [[flipX(topX + stripeGap), 0], [flipX(topX + stripeGap + stripeWidth), 0], [flipX(bottomX + stripeGap + stripeWidth), height], [flipX(bottomX + stripeGap), height]],
      `fill="${theme.decor}"`,
    );
    // The text column ends before the slab's narrowest point, minus breathing room.
    const columnWidth = bottomX - safe.x - 4 * unit;
    return {
      column: { x: mirrored ? width - safe.x - columnWidth : safe.x, y: safe.y, w: columnWidth, h: safe.h },
      align: "start",
      vAlign: "center",
      arrangement: "stack",
      surface: "panel",
      structure: () => slab + stripe,
      keepClear: () => [],
      stage: mirrored ? { x: 0, y: 0, w: width - topX, h: height } : { x: topX, y: 0, w: width - topX, h: height },
    };
  }
  const high = height * (frame.format === "9:16" ? 0.3 : 0.32);
  const low = height * (frame.format === "9:16" ? 0.42 : 0.45);
  const [leftY, rightY] = mirrored ? [high, low] : [low, high];
  const slab = polygon([[0, leftY], [width, rightY], [width, height], [0, height]], panelFill(theme));
  const stripe = polygon(
    [[0, leftY - stripeGap - stripeWidth], [width, rightY - stripeGap - stripeWidth], [width, rightY - stripeGap], [0, leftY - stripeGap]],
    `fill="${theme.decor}"`,
  );
  const top = Math.max(safe.y, low + 5 * unit);
  return {
    column: { x: safe.x, y: top, w: safe.w, h: safe.y + safe.h - top },
    align: "start",
    vAlign: "center",
    arrangement: "stack",
    surface: "panel",
    structure: () => slab + stripe,
    keepClear: () => [],
    stage: { x: 0, y: 0, w: width, h: high },
  };
};
