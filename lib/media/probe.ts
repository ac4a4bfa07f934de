import "server-only";
import sharp from "sharp";
import { readMp4Info } from "./mp4-info";
import type { MediaMimeType, MediaProbe } from "./types";

/**
 * Size (and for videos duration and codec) of an upload whose type `sniffMediaType`
 * has already established. Throws an Error with a message fit for the user when
 * the file cannot be read.
 */
export async function probeMedia(bytes: Buffer, mimeType: MediaMimeType): Promise<MediaProbe> {
  if (mimeType === "video/mp4" || mimeType === "video/quicktime") return readMp4Info(bytes);
  return probeImage(bytes);
}

async function probeImage(bytes: Buffer): Promise<MediaProbe> {
  try {
    // "truncated" rather than the stricter default: phone JPEGs often carry harmless
    // decoder warnings, but a cut-off file must not reach the library.
    const image = sharp(bytes, { failOn: "truncated" });
    const metadata = await image.metadata();
    // Decoding a small version reads every byte, which is what catches truncation;
    // the header alone would happily report a size.
    await image.clone().resize(64, 64, { fit: "inside" }).raw().toBuffer();
    // Sizes as displayed: EXIF orientation applied; an animated GIF/WebP reports one frame.
    return { width: metadata.autoOrient.width, height: metadata.autoOrient.height };
  } catch (error) {
    throw new Error(`This image is corrupt or not a supported format (${error instanceof Error ? error.message : String(error)}).`);
  }
}
