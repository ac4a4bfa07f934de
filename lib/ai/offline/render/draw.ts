import "server-only";
import type { OverlayOptions, Sharp } from "sharp";
import type { Design } from "./design";
import type { Layer } from "./foreground";
import { grainTile } from "./grain";
import { fromRaster, overlay, rasterize, type Raster } from "./rasterize";
import { n, svgDocument } from "./svg";

/**
 * Turns a Design into pixels. Soft photographic art is drawn small and scaled up
 * (a fraction of the cost of drawing it at full size); everything with edges, and
 * all text, is drawn at full resolution.
 */

/** The whole creative, opaque, at frame size. */
export async function drawCreative(design: Design): Promise<Sharp> {
  const { frame, theme, foreground } = design;
  const text = foreground.layers.map((layer) => layer.svg).join("");
  // Shadows are blurry by nature, so they are drawn with the (small) art, where blur is cheap.
  const shadows = softShadow(design, foreground.layers);
  if (theme.artScale >= 1) {
    const svg = svgDocument(frame.width, frame.height, design.art + shadows + design.structure + text);
    return fromRaster(await rasterize(svg, design.fontFiles)).removeAlpha();
  }
  const top = await rasterize(svgDocument(frame.width, frame.height, design.structure + text), design.fontFiles);
  return softBackdrop(design, 1, { shadows, grain: true }, [overlay(top)]);
}

/** Art and panels without text, at `scale` times the frame size (videos zoom into a larger one). */
export async function drawBackdrop(design: Design, scale: number): Promise<Sharp> {
  const { frame, theme } = design;
  if (theme.artScale >= 1) {
    const svg = svgDocument(frame.width, frame.height, design.art + design.structure);
    return fromRaster(await rasterize(svg, [], scale)).removeAlpha();
  }
  const structure = design.structure ? [overlay(await rasterize(svgDocument(frame.width, frame.height, design.structure), [], scale))] : [];
  // No grain in motion: static noise under a zoom crawls, and costs the encoder dearly.
  return softBackdrop(design, scale, { shadows: "", grain: false }, structure);
}

/** One foreground layer with its own shadow, cropped to its box. */
export function drawLayer(design: Design, layer: Layer): Promise<Raster> {
  const svg = svgDocument(layer.box.w, layer.box.h, softShadow(design, [layer]) + layer.svg, layer.box);
  return rasterize(svg, design.fontFiles);
}

function softShadow(design: Design, layers: Layer[]): string {
  const shapes = layers.map((layer) => layer.shadow ?? "").join("");
  if (shapes === "") return "";
  const u = design.frame.unit;
  return (
    `<defs><filter id="soft-shadow" x="-20%" y="-40%" width="140%" height="180%"><feGaussianBlur stdDeviation="${n(0.8 * u)}"/></filter></defs>` +
    `<g filter="url(#soft-shadow)" opacity="0.55" transform="translate(0 ${n(0.3 * u)})">${shapes}</g>`
  );
}

async function softBackdrop(
  design: Design,
  scale: number,
  { shadows, grain }: { shadows: string; grain: boolean },
  above: OverlayOptions[],
): Promise<Sharp> {
  const { frame, theme } = design;
  const width = Math.round(frame.width * scale);
  const height = Math.round(frame.height * scale);
  const art = await rasterize(svgDocument(frame.width, frame.height, design.art + shadows), design.fontFiles, theme.artScale * scale);
  // sharp resizes before it composites, so grain and panels land on the full-size art.
  return fromRaster(art)
    .removeAlpha()
    .resize(width, height, { fit: "fill", kernel: "cubic" })
    .composite([...(grain ? [{ input: await grainTile(), tile: true }] : []), ...above])
    .removeAlpha();
}
