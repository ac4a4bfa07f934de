/**
 * Output sizes Google publishes for its Gemini image models, by aspect ratio and
 * `imageSize` (ai.google.dev/gemini-api/docs/image-generation). 4:5 and 5:4 are in
 * that table but the emulator refuses them unless told otherwise (see options), so
 * callers' 3:4-and-crop fallback gets exercised.
 */
export const IMAGE_SIZES = ["1K", "2K", "4K"] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

const TABLE: Record<string, Record<ImageSize, [number, number]>> = {
  "1:1": { "1K": [1024, 1024], "2K": [2048, 2048], "4K": [4096, 4096] },
  "2:3": { "1K": [832, 1248], "2K": [1696, 2528], "4K": [3392, 5056] },
  "3:2": { "1K": [1248, 832], "2K": [2528, 1696], "4K": [5056, 3392] },
  "3:4": { "1K": [864, 1184], "2K": [1792, 2400], "4K": [3584, 4800] },
  "4:3": { "1K": [1184, 864], "2K": [2400, 1792], "4K": [4800, 3584] },
  "4:5": { "1K": [896, 1152], "2K": [1856, 2304], "4K": [3712, 4608] },
  "5:4": { "1K": [1152, 896], "2K": [2304, 1856], "4K": [4608, 3712] },
  "9:16": { "1K": [768, 1344], "2K": [1536, 2752], "4K": [3072, 5504] },
  "16:9": { "1K": [1344, 768], "2K": [2752, 1536], "4K": [5504, 3072] },
  "21:9": { "1K": [1536, 672], "2K": [3168, 1344], "4K": [6336, 2688] },
};

export const ASPECT_RATIOS = Object.keys(TABLE);

/** Ratios that only models newer than the documented set accept. */
export const OPTIONAL_RATIOS = ["4:5", "5:4"];

export function imageDimensions(aspectRatio: string, size: ImageSize): { width: number; height: number } | undefined {
  const entry = TABLE[aspectRatio]?.[size];
  return entry && { width: entry[0], height: entry[1] };
}

/** Output tokens Google bills per image: 1120 up to 2K, 2000 at 4K (Gemini 3 image models). */
export function imageOutputTokens(size: ImageSize): number {
  return size === "4K" ? 2000 : 1120;
}
