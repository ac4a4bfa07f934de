import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFile, MP4BoxBuffer, type Movie } from "mp4box";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { AiError } from "@/lib/ai/errors";
import { FORMAT_SIZES, type VideoRequest } from "@/lib/ai/types";
import { ffmpegPath } from "@/lib/media/ffmpeg";
import { imageRequest } from "./test-requests";
import { renderAdVideo } from "./video";

const dir = mkdtempSync(path.join(tmpdir(), "adpilot-video-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The movie header as mp4box reads it, independent of the ffmpeg that wrote the file. */
function movieOf(bytes: Buffer): Movie {
  const file = createFile();
  let movie: Movie | undefined;
  file.onReady = (info) => (movie = info);
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 0), true);
  file.flush();
  if (!movie) throw new Error("mp4box found no movie header");
  return movie;
}

/** Decodes every frame; resolves with whatever ffmpeg complained about (nothing, for a good file). */
async function decodeErrors(bytes: Buffer, name: string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const child = spawn(await ffmpegPath(), ["-v", "error", "-xerror", "-i", file, "-f", "null", "-"]);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return code === 0 ? stderr : `exit ${code}: ${stderr}`;
}

const videoRequest = (overrides: Partial<VideoRequest>): VideoRequest => ({ ...imageRequest(), durationSeconds: 8, ...overrides });

describe("renderAdVideo", () => {
  it.each([
    ["9:16", "bold", 8],
    ["1:1", "photographic", 6],
  ] as const)("renders %s (%s, %i s) as a clean H.264 MP4", async (format, style, durationSeconds) => {
    const video = await renderAdVideo(videoRequest({ format, style, durationSeconds }));
    const { width, height } = FORMAT_SIZES[format];
    expect(video).toMatchObject({ mimeType: "video/mp4", width, height, durationSeconds });

    const movie = movieOf(video.bytes);
    expect(movie.videoTracks).toHaveLength(1);
    expect(movie.audioTracks).toHaveLength(0);
    const track = movie.videoTracks[0];
    expect(track?.codec).toMatch(/^avc1\./);
    expect([track?.video?.width, track?.video?.height]).toEqual([width, height]);
    expect(Math.abs(movie.duration / movie.timescale - durationSeconds)).toBeLessThanOrEqual(0.1);
    // faststart: the movie header comes before the media data, so playback can begin while downloading.
    expect(video.bytes.indexOf("moov")).toBeLessThan(video.bytes.indexOf("mdat"));

    expect(await decodeErrors(video.bytes, `${format.replace(":", "x")}.mp4`)).toBe("");

    const poster = video.poster;
    expect(poster).toBeDefined();
    const metadata = await sharp(poster?.bytes).metadata();
    expect([metadata.width, metadata.height]).toEqual([width, height]);
  }, 60_000);

  it("accepts only the durations the product offers", async () => {
    await expect(renderAdVideo(videoRequest({ durationSeconds: 5 as VideoRequest["durationSeconds"] }))).rejects.toBeInstanceOf(AiError);
  });
});
