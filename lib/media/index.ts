import "server-only";

export { ffmpegPath, runFfmpeg, type FfmpegOptions } from "./ffmpeg";
export { inferFormat } from "./formats";
export { posterFromVideo } from "./poster";
export { probeMedia } from "./probe";
export { sniffMediaType } from "./sniff";
export { makeThumbnail } from "./thumbnail";
export { MEDIA_MIME_TYPES, type MediaKind, type MediaMimeType, type MediaProbe, type SniffedMedia, type Thumbnail } from "./types";
export { cropVideoToRatio } from "./crop-video";
