import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { GeneratedImage } from "@/lib/ai/types";
import { runFfmpeg } from "./ffmpeg";
import { readMp4Info } from "./mp4-info";

/** Into the clip, where fades from black are usually over. */
const POSTER_AT_SECONDS = 1;

/** A JPEG still of an uploaded MP4/MOV for the library grid, taken about a second in. */
export async function posterFromVideo(bytes: Buffer): Promise<GeneratedImage> {
  const { durationSeconds } = readMp4Info(bytes);
  const at = Math.min(POSTER_AT_SECONDS, durationSeconds / 2);
  const dir = await mkdtemp(path.join(tmpdir(), "adpilot-poster-"));
  try {
    // A file rather than stdin: a MOV with its moov at the end needs a seekable input.
    const input = path.join(dir, "input");
    await writeFile(input, bytes);
    const png = await runFfmpeg(
      ["-loglevel", "error", "-ss", at.toFixed(3), "-i", input, "-frames:v", "1", "-an", "-f", "image2pipe", "-c:v", "png", "pipe:1"],
      { timeoutMs: 30_000 },
    );
    if (png.length === 0) throw new Error("This video has no frame to show as a poster.");
    const { data, info } = await sharp(png).jpeg({ quality: 86, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { bytes: data, mimeType: "image/jpeg", width: info.width, height: info.height };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
