import { FORMAT_SIZES, type AdFormat } from "@/lib/ai/types";
import type { Frame } from "./types";

/** Stories and Reels draw the profile row over the top 14% and the reply bar and caption over the bottom 20%. */
const STORY_TOP = 0.14;
const STORY_BOTTOM = 0.2;

export function frameFor(format: AdFormat): Frame {
  const { width, height } = FORMAT_SIZES[format];
  const unit = Math.min(width, height) / 100;
  const margin = 6.5 * unit;
  const shape = width > height * 1.05 ? "landscape" : height > width * 1.05 ? "portrait" : "square";
  if (format === "9:16") {
    const top = Math.ceil(height * STORY_TOP + 1.5 * unit);
    const bottom = Math.floor(height * (1 - STORY_BOTTOM) - 1.5 * unit);
    return { format, width, height, unit, shape, safe: { x: margin, y: top, w: width - 2 * margin, h: bottom - top } };
  }
  return { format, width, height, unit, shape, safe: { x: margin, y: margin, w: width - 2 * margin, h: height - 2 * margin } };
}
