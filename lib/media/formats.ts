import { AD_FORMATS, FORMAT_SIZES, type AdFormat } from "@/lib/ai/types";

/** How far an upload's aspect ratio may stray from a placement's and still count as it. */
const RATIO_TOLERANCE = 0.03;

/** The Meta placement an upload of this size fits, or null when it fits none (it would be cropped). */
export function inferFormat(width: number, height: number): AdFormat | null {
  if (!(width > 0 && height > 0)) return null;
  const ratio = width / height;
  let best: { format: AdFormat; distance: number } | null = null;
  for (const format of AD_FORMATS) {
    const size = FORMAT_SIZES[format];
    const distance = Math.abs(ratio / (size.width / size.height) - 1);
    if (distance <= RATIO_TOLERANCE && (!best || distance < best.distance)) best = { format, distance };
  }
  return best?.format ?? null;
}
