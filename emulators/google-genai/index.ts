/**
 * Gemini Developer API emulator (v1beta, as @google/genai 2.32 calls it).
 *
 * A Fetch-API handler that the unmodified SDK cannot tell from Google: text and
 * structured output (JSON that conforms to the request's schema, deterministic
 * from the prompt), Gemini image generation (real PNGs at Google's published
 * sizes), Veo long-running operations with real MP4 downloads (H.264 written by
 * ./h264, no ffmpeg), Google's error envelopes, and fault injection for tests.
 *
 *   POST /v1beta/models/{model}:generateContent
 *   POST /v1beta/models/{veo}:predictLongRunning    -> {name: "models/{veo}/operations/{id}"}
 *   GET  /v1beta/models/{veo}/operations/{id}       -> not done for `pollsUntilDone` polls, then done
 *   GET  /v1beta/files/{id}:download?alt=media      -> video/mp4
 *
 *   const emulator = await startGenAiEmulator({ apiKey: "test-key" });
 *   new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: emulator.url } });
 *   emulator.faults.add({ kind: "rate_limited", route: "text" });
 */
import { GenAiFaults } from "./faults";
import { createRouter } from "./router";
import { serveOnLoopback } from "../serve-on-loopback";
import type { EmulatorSettings, EmulatorState, RecordedRequest } from "./state";

export { GenAiFaults, type Fault, type FaultRule, type RouteKind } from "./faults";
export type { EmulatorSettings, RecordedRequest } from "./state";
export { IMAGE_SIZES, imageDimensions } from "./image-sizes";

export type GenAiEmulatorOptions = {
  /** the only key the emulator accepts (header x-goog-api-key or ?key=) */
  apiKey: string;
} & Partial<EmulatorSettings>;

export type GenAiEmulatorHandler = {
  handle(request: Request): Promise<Response>;
  faults: GenAiFaults;
  /** every request so far, oldest first (the same array throughout) */
  requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** mutable: tests may change them between calls */
  settings: EmulatorSettings;
};

export type GenAiEmulator = Omit<GenAiEmulatorHandler, "handle"> & { url: string; apiKey: string; close(): Promise<void> };

export function createGenAiEmulator(options: GenAiEmulatorOptions): GenAiEmulatorHandler {
  const state: EmulatorState = {
    apiKey: options.apiKey,
    settings: { pollsUntilDone: options.pollsUntilDone ?? 1, allowFourByFive: options.allowFourByFive ?? false },
    faults: new GenAiFaults(),
    requests: [],
    operations: new Map(),
    files: new Map(),
  };
  return {
    handle: createRouter(state),
    faults: state.faults,
    requests: state.requests,
    clearRequests: () => void state.requests.splice(0),
    settings: state.settings,
  };
}

/** Serves a fresh emulator on 127.0.0.1 (`port` 0 or absent picks a free one); `url` is the SDK's baseUrl. */
export async function startGenAiEmulator(options: GenAiEmulatorOptions & { port?: number }): Promise<GenAiEmulator> {
  const { handle, ...emulator } = createGenAiEmulator(options);
  const served = await serveOnLoopback(handle, {
    port: options.port,
    name: "google-genai",
    crash: () => Response.json({ error: { code: 500, message: "emulator error", status: "INTERNAL" } }, { status: 500 }),
  });
  return { ...emulator, url: served.url, apiKey: options.apiKey, close: served.close };
}
