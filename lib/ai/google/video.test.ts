import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAiError } from "../errors";
import type { VideoRequest } from "../types";
import { mayReceiveKey } from "./download";
import { requestsOf, startHarness, type Harness } from "./test-support";

type VideoBody = { instances: Array<{ prompt: string }>; parameters: Record<string, unknown> };

const request = (overrides: Partial<VideoRequest> = {}): VideoRequest => ({
  prompt: "Steam rising from a fresh sourdough loaf",
  format: "9:16",
  style: "photographic",
  brand: null,
  variant: 0,
  seed: 7,
  durationSeconds: 6,
  ...overrides,
});

async function startAndFinish(harness: Harness, overrides: Partial<VideoRequest> = {}) {
  const start = await harness.provider.startVideo(request(overrides));
  if (start.result.status !== "pending") throw new Error("expected a Veo operation");
  const operation = start.result.operation;
  for (let poll = 0; poll < 5; poll++) {
    const { result, usage } = await harness.provider.pollVideo(operation);
    if (result.status === "done") return { video: result.video, usage };
  }
  throw new Error("the operation never finished");
}

describe("GoogleProvider videos", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    harness.emulator.clearRequests();
    harness.emulator.settings.pollsUntilDone = 1;
  });

  it("starts a Veo operation, reports it pending, then downloads the finished MP4", async () => {
    const start = await harness.provider.startVideo(request());
    expect(start.result.status).toBe("pending");
    expect(start.usage).toEqual({ model: "veo-3.1-fast-generate-preview" });
    const operation = start.result.status === "pending" ? start.result.operation : "";
    expect(operation).toMatch(/^models\/veo-3\.1-fast-generate-preview\/operations\/\w+$/);

    const first = await harness.provider.pollVideo(operation);
    expect(first.result).toEqual({ status: "pending" });
    expect(first.usage.videoSeconds).toBeUndefined();

    const second = await harness.provider.pollVideo(operation);
    if (second.result.status !== "done") throw new Error("expected the video to be done");
    const video = second.result.video;
    expect(video.bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect(video).toMatchObject({ mimeType: "video/mp4", width: 720, height: 1280, durationSeconds: 6 });
    expect(second.usage).toEqual({ model: "veo-3.1-fast-generate-preview", videoSeconds: 6 });
    // The download is the emulator's own file URL, fetched with the key (it answers 403 without).
    expect(requestsOf(harness.emulator, "download").map((entry) => entry.status)).toEqual([200]);
  });

  it("sends Veo's parameters and renders feed formats as 9:16", async () => {
    const { video } = await startAndFinish(harness, { format: "4:5", durationSeconds: 4 });

    const body = requestsOf(harness.emulator, "video")[0]?.body as VideoBody;
    expect(body.parameters).toMatchObject({ aspectRatio: "9:16", durationSeconds: 4, resolution: "720p", sampleCount: 1 });
    expect(body.parameters.negativePrompt).toMatch(/on-screen text/);
    expect(body.instances[0]?.prompt).toContain("Steam rising");
    expect({ width: video.width, height: video.height, durationSeconds: video.durationSeconds }).toEqual({ width: 720, height: 1280, durationSeconds: 4 });
  });

  it("renders 16:9 at 1280×720", async () => {
    const { video } = await startAndFinish(harness, { format: "16:9", durationSeconds: 8 });

    expect({ width: video.width, height: video.height, durationSeconds: video.durationSeconds }).toEqual({ width: 1280, height: 720, durationSeconds: 8 });
  });

  it("reports a video Google filtered for safety as safety_blocked when polled", async () => {
    harness.emulator.faults.add({ kind: "safety", route: "video" });
    harness.emulator.settings.pollsUntilDone = 0;

    const error = await startAndFinish(harness).catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("safety_blocked");
    expect(isAiError(error) && error.message).toMatch(/declined to make this video/);
    expect(requestsOf(harness.emulator, "download")).toHaveLength(0);
  });

  it("reports a failed operation as a non-retryable failure of this video", async () => {
    harness.emulator.faults.add({ kind: "operation_failed" });
    harness.emulator.settings.pollsUntilDone = 0;

    const error = await startAndFinish(harness).catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("invalid_output");
    expect(isAiError(error) && error.retryable).toBe(false);
  });

  it("refuses an operation name that is not a Veo operation", async () => {
    const error = await harness.provider.pollVideo("../../files/secret").catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("invalid_request");
    expect(harness.emulator.requests).toHaveLength(0);
  });
});

describe("who receives the API key on a download", () => {
  const api = "http://127.0.0.1:4010";

  it("is the configured API origin and Google's API hosts over https", () => {
    expect(mayReceiveKey(new URL("http://127.0.0.1:4010/v1beta/files/a:download"), api)).toBe(true);
    expect(mayReceiveKey(new URL("https://generativelanguage.googleapis.com/v1beta/files/a:download?alt=media"), api)).toBe(true);
  });

  it("is nobody else", () => {
    expect(mayReceiveKey(new URL("https://storage.example.com/video.mp4"), api)).toBe(false);
    expect(mayReceiveKey(new URL("http://generativelanguage.googleapis.com/v1beta/files/a"), api)).toBe(false);
    expect(mayReceiveKey(new URL("https://googleapis.com.evil.example/files/a"), api)).toBe(false);
    expect(mayReceiveKey(new URL("http://127.0.0.1:4011/files/a"), api)).toBe(false);
  });
});
