import { n, rect, type Box } from "../svg";
import { edgedPanel } from "./panels";
import type { Layout } from "./types";

/** Art fills the frame; a band across it carries the message (a lower third in 9:16). */
export const band: Layout = ({ frame, theme, mirrored }) => {
  const { safe, unit, width, height } = frame;
  const pad = 5 * unit;
  let bandBox: Box;
  if (frame.format === "9:16") {
    // Sits above the reply bar and caption zone; the art shows above and below it.
    bandBox = mirrored ? { x: 0, y: Math.round(height * 0.12), w: width, h: Math.round(height * 0.4) } : { x: 0, y: Math.round(height * 0.44), w: width, h: Math.round(height * 0.38) };
  } else {
    const share = frame.shape === "landscape" ? 0.42 : frame.shape === "square" ? 0.46 : 0.42;
    const bandHeight = Math.round(height * share);
    bandBox = { x: 0, y: mirrored ? 0 : height - bandHeight, w: width, h: bandHeight };
  }
  const top = Math.max(safe.y, bandBox.y + pad);
  const bottom = Math.min(safe.y + safe.h, bandBox.y + bandBox.h - pad);
  const towardArt = bandBox.y + bandBox.h / 2 > height / 2 ? "top" : "bottom";
  return {
    column: { x: safe.x, y: top, w: safe.w, h: bottom - top },
    align: "start",
    vAlign: "center",
    arrangement: frame.shape === "landscape" ? "row" : "stack",
    surface: "panel",
    structure: () => (theme.panelOpacity < 1 ? fadedBand(bandBox, frame.height, 12 * unit, theme.panel, theme.panelOpacity) : edgedPanel(theme, bandBox, towardArt, unit)),
    // Decoration stays whole around the band instead of being sliced by it.
    keepClear: () => [bandBox],
    stage: towardArt === "top" ? { x: 0, y: 0, w: width, h: bandBox.y } : { x: 0, y: bandBox.y + bandBox.h, w: width, h: height - bandBox.y - bandBox.h },
  };
};

/** A translucent band that fades into the photo on every side that does not meet the frame's edge. */
function fadedBand(box: Box, frameHeight: number, fade: number, color: string, opacity: number): string {
  const gradient = (id: string, from: number, to: number) =>
    `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${color}" stop-opacity="${n(from)}"/>` +
    `<stop offset="1" stop-color="${color}" stop-opacity="${n(to)}"/></linearGradient>`;
  let svg = `<defs>${gradient("band-fade-in", 0, opacity)}${gradient("band-fade-out", opacity, 0)}</defs>` + rect(box, `fill="${color}" fill-opacity="${n(opacity)}"`);
  if (box.y > 0) svg += rect({ x: box.x, y: box.y - fade, w: box.w, h: fade }, `fill="url(#band-fade-in)"`);
  if (box.y + box.h < frameHeight) svg += rect({ x: box.x, y: box.y + box.h, w: box.w, h: fade }, `fill="url(#band-fade-out)"`);
  return svg;
}
