import { ApiError } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AiError } from "../errors";
import { fromApiError } from "./classify-error";
import { backoffMs, DEFAULT_RETRY } from "./retry";
import { requestsOf, SITE, startHarness, TEST_KEY, TEST_MODELS, TEST_RETRY, type Harness } from "./test-support";
import { GoogleProvider } from "./index";

const failure = (call: Promise<unknown>) => call.then(() => undefined).catch((error: unknown) => error as AiError);

describe("GoogleProvider errors and retries", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    harness.emulator.clearRequests();
    harness.sleeps.length = 0;
  });

  it("waits and retries a per-minute 429, then succeeds", async () => {
    harness.emulator.faults.add({ kind: "rate_limited", route: "text", retryDelaySeconds: 30 });

    const { result } = await harness.provider.analyzeBrand(SITE);

    expect(result.name.length).toBeGreaterThan(0);
    expect(requestsOf(harness.emulator, "text").map((request) => request.status)).toEqual([429, 200]);
    // Google asked for 30 s; one call never waits longer than the policy's cap.
    expect(harness.sleeps).toEqual([TEST_RETRY.maxDelayMs]);
  });

  it("does not retry a spent daily quota", async () => {
    harness.emulator.faults.add({ kind: "quota_exhausted", flavour: "daily", route: "text" });

    const error = await failure(harness.provider.analyzeBrand(SITE));

    expect(error?.kind).toBe("quota_exhausted");
    expect(error?.retryable).toBe(false);
    expect(harness.emulator.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it("does not retry depleted prepaid credits", async () => {
    harness.emulator.faults.add({ kind: "quota_exhausted", flavour: "billing", route: "image" });

    const error = await failure(harness.provider.generateImage({ prompt: "Bread", format: "1:1", style: "bold", brand: null, variant: 0, seed: 1 }));

    expect(error?.kind).toBe("quota_exhausted");
    expect(harness.emulator.requests).toHaveLength(1);
  });

  it("retries server errors up to the attempt limit with growing, bounded waits, then reports unavailable", async () => {
    harness.emulator.faults.add({ kind: "internal", times: TEST_RETRY.attempts });

    const error = await failure(harness.provider.writeAdCopy({ prompt: "Bread", brand: null, count: 1 }));

    expect(error?.kind).toBe("unavailable");
    expect(error?.message).toMatch(/temporarily unavailable/);
    expect(harness.emulator.requests).toHaveLength(TEST_RETRY.attempts);
    expect(harness.sleeps).toHaveLength(TEST_RETRY.attempts - 1);
    const [first = 0, second = 0] = harness.sleeps;
    expect(first).toBeGreaterThanOrEqual(TEST_RETRY.baseDelayMs / 2);
    expect(first).toBeLessThanOrEqual(TEST_RETRY.baseDelayMs);
    expect(second).toBeGreaterThanOrEqual(TEST_RETRY.baseDelayMs);
    expect(second).toBeLessThanOrEqual(TEST_RETRY.baseDelayMs * 2);
  });

  it("recovers from an overloaded model (503) on the next attempt", async () => {
    harness.emulator.faults.add({ kind: "unavailable", route: "video" });

    const { result } = await harness.provider.startVideo({ prompt: "Bread", format: "16:9", style: "bold", brand: null, variant: 0, seed: 1, durationSeconds: 4 });

    expect(result.status).toBe("pending");
    expect(requestsOf(harness.emulator, "video").map((request) => request.status)).toEqual([503, 200]);
  });

  it("treats a timed-out attempt as unavailable", async () => {
    const impatient = new GoogleProvider({ apiKey: TEST_KEY, baseUrl: harness.emulator.url, models: TEST_MODELS, timeoutMs: 100, retry: { ...TEST_RETRY, attempts: 2 }, sleep: async () => {} });
    harness.emulator.faults.add({ kind: "delay", ms: 400, times: 2 });

    const error = await failure(impatient.analyzeBrand(SITE));

    expect(error?.kind).toBe("unavailable");
    expect(harness.emulator.requests).toHaveLength(2);
  });

  it("reports a wrong key as auth, once, without echoing the key", async () => {
    const wrongKey = "AIzaSy-wrong-key-that-must-not-leak";
    const misconfigured = new GoogleProvider({ apiKey: wrongKey, baseUrl: harness.emulator.url, models: TEST_MODELS, retry: TEST_RETRY, sleep: async () => {} });

    const error = await failure(misconfigured.analyzeBrand(SITE));

    expect(error?.kind).toBe("auth");
    expect(error?.message).toMatch(/GOOGLE_API_KEY/);
    expect(JSON.stringify({ message: error?.message, details: error?.details })).not.toContain(wrongKey);
    expect(harness.emulator.requests.map((request) => request.status)).toEqual([400]);
  });

  it("reports an unknown model as a configuration problem, not retried", async () => {
    const wrongModel = new GoogleProvider({ apiKey: TEST_KEY, baseUrl: harness.emulator.url, models: { ...TEST_MODELS, text: "gemni-typo" }, retry: TEST_RETRY, sleep: async () => {} });

    const error = await failure(wrongModel.analyzeBrand(SITE));

    expect(error?.kind).toBe("invalid_request");
    expect(error?.message).toMatch(/model/);
    expect(harness.emulator.requests).toHaveLength(1);
  });
});

describe("classifying Google's 429s", () => {
  const tooMany = (error: Record<string, unknown>) => fromApiError(new ApiError({ status: 429, message: JSON.stringify({ error: { code: 429, status: "RESOURCE_EXHAUSTED", ...error } }) }), TEST_KEY);

  it("reads the classic message without details as a per-minute limit", () => {
    expect(tooMany({ message: "Resource has been exhausted (e.g. check quota)." }).kind).toBe("rate_limited");
  });

  it("reads a limit of 0 (the model is not in the plan) as a spent quota", () => {
    const message = "You exceeded your current quota, please check your plan and billing details.\n* Quota exceeded for metric: generate_content_free_tier_requests, limit: 0, model: gemini-3-pro-image";
    expect(tooMany({ message }).kind).toBe("quota_exhausted");
  });

  it("takes the wait Google asks for from the message when RetryInfo is missing", () => {
    const error = tooMany({ message: "Quota exceeded for metric: x, limit: 10 (PerMinute). Please retry in 12.4s." });
    expect(error.kind).toBe("rate_limited");
    expect(error.details?.retryAfterSeconds).toBe(13);
  });
});

describe("classifying Google's other refusals", () => {
  it("treats an unsupported region as an account problem, not the marketer's prompt", () => {
    const error = fromApiError(new ApiError({ status: 400, message: JSON.stringify({ error: { code: 400, message: "User location is not supported for the API use.", status: "FAILED_PRECONDITION" } }) }), TEST_KEY);
    expect(error.kind).toBe("auth");
    expect(error.message).toMatch(/Google AI Studio/);
  });

  it("treats any other 400 as a request the marketer can change", () => {
    const error = fromApiError(new ApiError({ status: 400, message: JSON.stringify({ error: { code: 400, message: "The input token count exceeds the maximum number of tokens allowed.", status: "INVALID_ARGUMENT" } }) }), TEST_KEY);
    expect(error.kind).toBe("invalid_request");
  });
});

describe("backoff", () => {
  it("doubles per attempt and never exceeds the cap", () => {
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(500);
    expect(backoffMs(2, DEFAULT_RETRY, () => 1)).toBe(2_000);
    expect(backoffMs(10, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});

