import "server-only";
import type { Sharp } from "sharp";
import type { GeneratedImage, ImageRequest } from "@/lib/ai/types";
import { composeDesign, type Design } from "./design";
import { drawCreative } from "./draw";
import { prepareLogo } from "./logo";
import { assertRenderable } from "./validate";

/** A finished ad creative at the format's exact pixel size, drawn on this machine. */
export async function renderAdImage(request: ImageRequest): Promise<GeneratedImage> {
  assertRenderable(request);
  const logo = await prepareLogo(request.brand?.logo);
  const design = composeDesign(request, logo);
  return encodeCreative(await drawCreative(design), design);
}

/**
 * Flat graphic styles stay PNG (crisp type, small files for flat colour); the
 * photographic style is grainy and smooth, which JPEG stores at a fraction of the
 * size. 4:4:4 chroma keeps coloured text edges clean.
 */
export async function encodeCreative(pipeline: Sharp, design: Design): Promise<GeneratedImage> {
  const { width, height } = design.frame;
  if (design.theme.output === "jpeg") {
    const bytes = await pipeline.jpeg({ quality: 90, chromaSubsampling: "4:4:4" }).toBuffer();
    return { bytes, mimeType: "image/jpeg", width, height };
  }
  const bytes = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  return { bytes, mimeType: "image/png", width, height };
}
