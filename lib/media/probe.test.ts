import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "./ffmpeg";
import { posterFromVideo } from "./poster";
import { probeMedia } from "./probe";
import { sniffMediaType } from "./sniff";
import { makeThumbnail } from "./thumbnail";

const dir = mkdtempSync(path.join(tmpdir(), "adpilot-probe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A short H.264 clip from ffmpeg's test pattern, as a phone or editor would export it. */
async function clip(name: string, extra: string[] = []): Promise<Buffer> {
  const file = path.join(dir, name);
  await runFfmpeg([
    "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30", "-t", "2.5",
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", ...extra, file,
  ]);
  return readFileSync(file);
}

let mp4: Buffer;
let mov: Buffer;
let rotated: Buffer;

beforeAll(async () => {
  [mp4, mov] = await Promise.all([clip("clip.mp4", ["-movflags", "+faststart"]), clip("clip.mov")]);
  // ffmpeg 4.1 only writes the rotation matrix when copying, which is what a phone's file looks like.
  const portrait = path.join(dir, "portrait.mp4");
  await runFfmpeg(["-loglevel", "error", "-y", "-i", path.join(dir, "clip.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", portrait]);
  rotated = readFileSync(portrait);
}, 60_000);

describe("probeMedia: images", () => {
  it("reads the displayed size, with EXIF orientation applied", async () => {
    const upright = await sharp({ create: { width: 40, height: 90, channels: 3, background: "#123" } }).png().toBuffer();
    expect(await probeMedia(upright, "image/png")).toEqual({ width: 40, height: 90 });
    const turned = await sharp({ create: { width: 40, height: 90, channels: 3, background: "#123" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await probeMedia(turned, "image/jpeg")).toEqual({ width: 90, height: 40 });
  });

  it("rejects a cut-off image with a clear message", async () => {
    const noisy = Buffer.alloc(200 * 200 * 3);
    for (let index = 0; index < noisy.length; index++) noisy[index] = (index * 7919) % 251;
    const png = await sharp(noisy, { raw: { width: 200, height: 200, channels: 3 } }).png().toBuffer();
    await expect(probeMedia(png.subarray(0, Math.floor(png.length * 0.6)), "image/png")).rejects.toThrow(/corrupt/);
  });
});

describe("probeMedia: videos", () => {
  it("reads size, duration and codec from an MP4's movie header", async () => {
    expect(sniffMediaType(mp4)).toEqual({ mimeType: "video/mp4", kind: "video" });
    const probe = await probeMedia(mp4, "video/mp4");
    expect(probe.width).toBe(640);
    expect(probe.height).toBe(360);
    expect(probe.durationSeconds).toBeCloseTo(2.5, 1);
    expect(probe.videoCodec).toMatch(/^avc1\.[0-9a-f]{6}$/i);
  });

  it("reads a QuickTime MOV the same way", async () => {
    expect(sniffMediaType(mov)).toEqual({ mimeType: "video/quicktime", kind: "video" });
    const probe = await probeMedia(mov, "video/quicktime");
    expect([probe.width, probe.height]).toEqual([640, 360]);
    expect(probe.durationSeconds).toBeCloseTo(2.5, 1);
  });

  it("reports a phone's rotated recording at the size it is shown", async () => {
    const probe = await probeMedia(rotated, "video/mp4");
    expect([probe.width, probe.height]).toEqual([360, 640]);
  });

  it("rejects a truncated upload instead of accepting a video that stops halfway", async () => {
    const cut = mp4.subarray(0, Math.floor(mp4.length * 0.6));
    await expect(probeMedia(cut, "video/mp4")).rejects.toThrow(/truncated/);
  });

  it("rejects a file whose boxes are garbage", async () => {
    const garbage = Buffer.concat([mp4.subarray(0, 32), Buffer.alloc(4096, 0x41)]);
    await expect(probeMedia(garbage, "video/mp4")).rejects.toThrow(/corrupt|truncated/);
  });
});

describe("posterFromVideo", () => {
  it("takes a JPEG still at the video's size", async () => {
    const poster = await posterFromVideo(mp4);
    expect(poster.mimeType).toBe("image/jpeg");
    expect([poster.width, poster.height]).toEqual([640, 360]);
    const metadata = await sharp(poster.bytes).metadata();
    expect(metadata.format).toBe("jpeg");
  }, 30_000);

  it("fails with ffmpeg's own explanation when the video cannot be decoded", async () => {
    await expect(posterFromVideo(mp4.subarray(0, 1000))).rejects.toThrow();
  });
});

describe("makeThumbnail", () => {
  it("shrinks to fit the longest side, never enlarges, and keeps EXIF orientation", async () => {
    const wide = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#abc" } }).png().toBuffer();
    const thumb = await makeThumbnail(wide);
    expect(thumb).toMatchObject({ mimeType: "image/webp", width: 480, height: 240 });
    expect((await sharp(thumb.bytes).metadata()).format).toBe("webp");

    const small = await sharp({ create: { width: 120, height: 80, channels: 3, background: "#abc" } }).png().toBuffer();
    expect(await makeThumbnail(small)).toMatchObject({ width: 120, height: 80 });

    const turned = await sharp({ create: { width: 1000, height: 500, channels: 3, background: "#abc" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await makeThumbnail(turned, 200)).toMatchObject({ width: 100, height: 200 });
  });
});
