import type { GenAiFaults, RouteKind } from "./faults";

/** One request as the emulator saw it, for assertions. */
export type RecordedRequest = {
  method: string;
  /** path without the query string, e.g. /v1beta/models/gemini-3.5-flash:generateContent */
  path: string;
  route: RouteKind | "unknown";
  model?: string;
  /** the parsed JSON body (POST), undefined for GET */
  body?: unknown;
  /** HTTP status the emulator answered with */
  status: number;
};

export type EmulatorSettings = {
  /** polls that answer "not done" before a video operation completes (default 1) */
  pollsUntilDone: number;
  /** accept 4:5 and 5:4 images (default false: refused with 400 INVALID_ARGUMENT) */
  allowFourByFive: boolean;
};

export type VideoOperation = {
  name: string;
  model: string;
  prompt: string;
  aspectRatio: "16:9" | "9:16";
  resolution: "720p" | "1080p";
  durationSeconds: number;
  sampleCount: number;
  pollsLeft: number;
  outcome: "ok" | "safety" | "failed";
  /** file ids, assigned when the operation first reports done */
  files?: string[];
};

export type VideoFile = { id: string; prompt: string; width: number; height: number; durationSeconds: number; bytes?: Buffer };

export type EmulatorState = {
  apiKey: string;
  settings: EmulatorSettings;
  faults: GenAiFaults;
  requests: RecordedRequest[];
  operations: Map<string, VideoOperation>;
  files: Map<string, VideoFile>;
};
