import "server-only";
import sharp from "sharp";
import type { BrandContext } from "@/lib/ai/types";
import { toHex } from "./color";

/** A brand logo ready to embed in the SVG: PNG bytes as a data URI, plus what placing it needs. */
export type PreparedLogo = {
  dataUri: string;
  /** width / height after trimming empty margins. */
  aspect: number;
  /** Average colour of its visible pixels, to judge whether it shows on a surface. */
  tone: string;
  /** A logo with a transparent background needs a contrasting surface; a boxed one does not. */
  transparent: boolean;
};

/** Plenty for a logo drawn at most ~400 px wide, at 2x for crisp edges. */
const MAX_SIDE = 640;

/**
 * Decodes a PNG/JPEG/WebP/GIF/SVG logo with sharp, trims its margins and scales
 * it. A logo that will not decode is left out (null) rather than failing the ad.
 */
export async function prepareLogo(logo: BrandContext["logo"]): Promise<PreparedLogo | null> {
  if (!logo || logo.bytes.length === 0) return null;
  try {
    const input = sharp(logo.bytes, { density: await svgDensity(logo), autoOrient: true });
    const trimmed = await input
      .ensureAlpha()
      .trim({ threshold: 12 })
      .png()
      .toBuffer()
      .catch(() => input.clone().ensureAlpha().png().toBuffer()); // a single-colour image cannot be trimmed
    const { data, info } = await sharp(trimmed)
      .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 6 })
      .toBuffer({ resolveWithObject: true });
    const { tone, transparent } = await describe(data);
    return { dataUri: `data:image/png;base64,${data.toString("base64")}`, aspect: info.width / info.height, tone, transparent };
  } catch {
    return null;
  }
}

function isSvg(logo: NonNullable<BrandContext["logo"]>): boolean {
  if (logo.mimeType.includes("svg")) return true;
  const head = logo.bytes.subarray(0, 512).toString("utf8").trimStart();
  return head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"));
}

/** SVG logos are rasterised at a density that lands near MAX_SIDE instead of their nominal 72 dpi size. */
async function svgDensity(logo: NonNullable<BrandContext["logo"]>): Promise<number | undefined> {
  if (!isSvg(logo)) return undefined;
  const { width = 0, height = 0 } = await sharp(logo.bytes).metadata();
  const side = Math.max(width, height);
  return side > 0 ? Math.min(2400, Math.max(72, (72 * MAX_SIDE) / side)) : 300;
}

async function describe(png: Buffer): Promise<{ tone: string; transparent: boolean }> {
  const { data, info } = await sharp(png).resize(32, 32, { fit: "fill" }).raw().toBuffer({ resolveWithObject: true });
  let r = 0;
  let g = 0;
  let b = 0;
  let weight = 0;
  let clear = 0;
  for (let offset = 0; offset < data.length; offset += info.channels) {
    const alpha = (data[offset + 3] ?? 255) / 255;
    if (alpha < 0.5) clear++;
    r += (data[offset] ?? 0) * alpha;
    g += (data[offset + 1] ?? 0) * alpha;
    b += (data[offset + 2] ?? 0) * alpha;
    weight += alpha;
  }
  const pixels = data.length / info.channels;
  const tone = weight > 0 ? toHex({ r: r / weight, g: g / weight, b: b / weight }) : "#808080";
  return { tone, transparent: clear / pixels > 0.08 };
}
