import "server-only";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runFfmpeg } from "./ffmpeg";

/**
 * Centre-crops an MP4 to `width:height` (Veo makes only 16:9 and 9:16; a square
 * or 4:5 placement gets the middle of a vertical clip). Dimensions are rounded to
 * even numbers, as H.264 with 4:2:0 chroma requires. Audio, if any, is copied.
 */
export async function cropVideoToRatio(bytes: Buffer, source: { width: number; height: number }, ratio: { width: number; height: number }): Promise<{ bytes: Buffer; width: number; height: number }> {
  const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);
  const target = ratio.width / ratio.height;
  const width = even(source.width / source.height > target ? source.height * target : source.width);
  const height = even(source.width / source.height > target ? source.height : source.width / target);
  if (width === source.width && height === source.height) return { bytes, ...source };
  const dir = await mkdtemp(path.join(tmpdir(), "adpilot-crop-"));
  try {
    const input = path.join(dir, "input.mp4");
    const output = path.join(dir, "output.mp4");
    await writeFile(input, bytes);
    await runFfmpeg(
      ["-loglevel", "error", "-i", input, "-vf", `crop=${width}:${height}`, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "copy", "-movflags", "+faststart", output],
      { timeoutMs: 120_000 },
    );
    return { bytes: await readFile(output), width, height };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
