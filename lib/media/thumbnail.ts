import "server-only";
import sharp from "sharp";
import type { Thumbnail } from "./types";

/**
 * A small WebP of an image (or of a video's poster) for the library grid: upright
 * per EXIF, never enlarged, first frame of an animation.
 */
export async function makeThumbnail(bytes: Buffer, maxSide = 480): Promise<Thumbnail> {
  // Like the upload probe, tolerate harmless decoder warnings (phone JPEGs often carry some).
  const { data, info } = await sharp(bytes, { autoOrient: true, failOn: "truncated" })
    .resize(maxSide, maxSide, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, mimeType: "image/webp", width: info.width, height: info.height };
}
