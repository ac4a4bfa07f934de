import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { inferFormat, posterFromVideo, probeMedia, sniffMediaType } from "@/lib/media";
import { storeAsset } from "./store-asset";
import { parseTags } from "./tags";

/** Meta's own caps are larger; these keep one upload inside a serverless request's memory. */
export const UPLOAD_LIMITS = { imageBytes: 30 * 1024 * 1024, videoBytes: 200 * 1024 * 1024, videoSeconds: 240 } as const;

/** Vercel refuses request bodies over 4.5 MB before our code runs; the dropzone checks this first. */
export function requestBodyLimitBytes(): number {
  return env.VERCEL === "1" ? 4.5 * 1024 * 1024 : UPLOAD_LIMITS.videoBytes + 1024 * 1024;
}

export class UploadRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UploadRejected";
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks an upload by its bytes (never its name), measures it, names its format
 * and files it in the library. Every refusal says what to do about it.
 */
export async function uploadAsset(userId: string, file: { name: string; bytes: Buffer; tags?: string }): Promise<string> {
  if (file.bytes.length === 0) throw new UploadRejected(`${file.name} is empty.`);
  const sniffed = sniffMediaType(file.bytes);
  if (!sniffed) throw new UploadRejected(`${file.name} is not a PNG, JPEG, WebP, GIF, MP4 or MOV file (whatever its name says).`);
  const limit = sniffed.kind === "image" ? UPLOAD_LIMITS.imageBytes : UPLOAD_LIMITS.videoBytes;
  if (file.bytes.length > limit) throw new UploadRejected(`${file.name} is ${mb(file.bytes.length)}; ${sniffed.kind}s can be at most ${mb(limit)}.`);

  const probe = await probeMedia(file.bytes, sniffed.mimeType).catch(() => {
    throw new UploadRejected(`${file.name} looks damaged: AdPilot could not read its ${sniffed.kind === "image" ? "pixels" : "video track"}.`);
  });
  if (sniffed.kind === "video" && (probe.durationSeconds ?? 0) > UPLOAD_LIMITS.videoSeconds) {
    throw new UploadRejected(`${file.name} runs ${Math.round(probe.durationSeconds!)} s; ads here can be at most ${UPLOAD_LIMITS.videoSeconds} s.`);
  }
  const format = inferFormat(probe.width, probe.height);
  if (!format) {
    throw new UploadRejected(
      `${file.name} is ${probe.width}×${probe.height}, which is not one of Meta's ad shapes. Crop it to square (1:1), portrait (4:5), vertical (9:16) or landscape (16:9) and upload it again.`,
    );
  }
  const still =
    sniffed.kind === "video"
      ? (
          await posterFromVideo(file.bytes).catch(() => {
            throw new UploadRejected(`${file.name} could not be decoded; export it again as H.264 MP4 and upload that.`);
          })
        ).bytes
      : undefined;

  return storeAsset({
    id: randomUUID(),
    userId,
    assetType: sniffed.kind,
    source: "uploaded",
    bytes: file.bytes,
    mimeType: sniffed.mimeType,
    format,
    width: probe.width,
    height: probe.height,
    durationSeconds: probe.durationSeconds,
    still,
    prompt: null,
    tags: parseTags(file.tags ?? ""),
    metadata: { originalName: file.name.slice(0, 200), videoCodec: probe.videoCodec },
  });
}
