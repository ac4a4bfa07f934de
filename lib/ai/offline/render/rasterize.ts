import "server-only";
import { renderAsync } from "@resvg/resvg-js";
import sharp, { type OverlayOptions, type Sharp } from "sharp";

/** Premultiplied RGBA straight out of resvg. */
export type Raster = { data: Buffer; width: number; height: number };

/**
 * Draws an SVG with resvg on the libuv thread pool. Only the given font files are
 * loaded (never the system's), so output is the same on every machine.
 */
export async function rasterize(svg: string, fontFiles: string[], zoom = 1): Promise<Raster> {
  const image = await renderAsync(svg, {
    fitTo: zoom === 1 ? { mode: "original" } : { mode: "zoom", value: zoom },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Inter" },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
    logLevel: "off",
  });
  return { data: image.pixels, width: image.width, height: image.height };
}

/** A sharp pipeline over a raster; sharp is told the pixels are premultiplied so edges do not darken. */
export function fromRaster(raster: Raster): Sharp {
  return sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 4, premultiplied: true } });
}

/** The raster as a composite input for sharp. */
export function overlay(raster: Raster, left = 0, top = 0): OverlayOptions {
  return { input: raster.data, raw: { width: raster.width, height: raster.height, channels: 4, premultiplied: true }, left, top };
}
