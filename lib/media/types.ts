/** What the asset library accepts from an upload; anything else is rejected. */
export const MEDIA_MIME_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/quicktime"] as const;
export type MediaMimeType = (typeof MEDIA_MIME_TYPES)[number];
export type MediaKind = "image" | "video";

export type SniffedMedia = { mimeType: MediaMimeType; kind: MediaKind };

export type MediaProbe = {
  width: number;
  height: number;
  /** Videos only, in seconds with decimals. */
  durationSeconds?: number;
  /** Videos only: the RFC 6381 codec string of the video track, e.g. "avc1.64001f". */
  videoCodec?: string;
};

export type Thumbnail = { bytes: Buffer; mimeType: "image/webp"; width: number; height: number };
