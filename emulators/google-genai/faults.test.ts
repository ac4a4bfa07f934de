/**
 * Fault injection and the request log, seen through the real SDK: failures hit
 * only the route they target, count down, and carry Google's error bodies.
 */
import { ApiError, GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGenAiEmulator, type GenAiEmulator } from "./index";

const KEY = "emulator-test-key";
const TEXT = "gemini-3.5-flash";

async function errorBody(call: Promise<unknown>): Promise<{ status: number; error: { code: number; message: string; status: string; details?: Array<Record<string, unknown>> } }> {
  const error = await call.then(() => undefined).catch((caught: unknown) => caught);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { status: error.status, error: JSON.parse(error.message).error };
}

describe("gen-ai emulator: faults and request log", () => {
  let emulator: GenAiEmulator;
  let ai: GoogleGenAI;

  beforeAll(async () => {
    emulator = await startGenAiEmulator({ apiKey: KEY });
    ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: emulator.url } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.faults.clear();
    emulator.clearRequests();
  });

  const text = (config = {}) => ai.models.generateContent({ model: TEXT, contents: "hello", config });
  const image = () => ai.models.generateContent({ model: "gemini-3.1-flash-image", contents: "a loaf", config: { responseModalities: ["IMAGE"] } });

  it("fails only the route a rule targets, for as many requests as it says", async () => {
    emulator.faults.add({ kind: "internal", route: "image", times: 2 });

    await text();
    expect((await errorBody(image())).status).toBe(500);
    expect((await errorBody(image())).error.status).toBe("INTERNAL");
    await image();

    expect(emulator.requests.map((request) => [request.route, request.status])).toEqual([
      ["text", 200],
      ["image", 500],
      ["image", 500],
      ["image", 200],
    ]);
    expect(emulator.faults.pending).toBe(0);
  });

  it("words a per-minute 429 like Google, with a PerMinute quota id and RetryInfo", async () => {
    emulator.faults.add({ kind: "rate_limited", retryDelaySeconds: 12 });

    const { status, error } = await errorBody(text());

    expect(status).toBe(429);
    expect(error.status).toBe("RESOURCE_EXHAUSTED");
    expect(error.message).toMatch(/check your plan and billing details/);
    expect(JSON.stringify(error.details)).toMatch(/PerMinute/);
    expect(error.details).toContainEqual({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "12s" });
  });

  it("has a daily-quota 429 and a depleted-credits 429", async () => {
    emulator.faults.add({ kind: "quota_exhausted" }).add({ kind: "quota_exhausted", flavour: "billing" });

    const daily = await errorBody(text());
    const billing = await errorBody(text());

    expect(JSON.stringify(daily.error.details)).toMatch(/PerDay/);
    expect(billing.error.message).toMatch(/prepayment credits are depleted/);
  });

  it("answers 503 UNAVAILABLE for an overloaded model", async () => {
    emulator.faults.add({ kind: "unavailable" });
    expect((await errorBody(text())).error).toMatchObject({ code: 503, status: "UNAVAILABLE" });
  });

  it("blocks a text prompt with promptFeedback and no candidates", async () => {
    emulator.faults.add({ kind: "safety" });

    const response = await text();

    expect(response.promptFeedback?.blockReason).toBe("SAFETY");
    expect(response.candidates).toBeUndefined();
  });

  it("withholds a filtered image with finishReason IMAGE_SAFETY", async () => {
    emulator.faults.add({ kind: "safety", route: "image" });

    const response = await image();

    expect(response.candidates?.[0]?.finishReason).toBe("IMAGE_SAFETY");
    expect(response.candidates?.[0]?.content).toBeUndefined();
  });

  it("ends a filtered video operation with raiMediaFilteredCount", async () => {
    emulator.faults.add({ kind: "safety", route: "video" });
    emulator.settings.pollsUntilDone = 0;

    const started = await ai.models.generateVideos({ model: "veo-3.1-generate-preview", source: { prompt: "x" } });
    const done = await ai.operations.getVideosOperation({ operation: started });

    expect(done.done).toBe(true);
    expect(done.response?.raiMediaFilteredCount).toBe(1);
    expect(done.response?.generatedVideos).toBeUndefined();
  });

  it("cuts a JSON answer off once, then answers whole JSON again", async () => {
    emulator.faults.add({ kind: "malformed_json" });
    const json = { responseMimeType: "application/json", responseJsonSchema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } };

    const broken = await text(json);
    const whole = await text(json);

    expect(broken.candidates?.[0]?.finishReason).toBe("MAX_TOKENS");
    expect(() => JSON.parse(broken.text ?? "")).toThrow();
    expect(JSON.parse(whole.text ?? "")).toHaveProperty("a");
  });

  it("answers off-schema JSON when told to", async () => {
    emulator.faults.add({ kind: "off_schema" });
    const response = await text({ responseMimeType: "application/json", responseJsonSchema: { type: "object", properties: { a: { type: "string" } }, required: ["a"] } });
    expect(JSON.parse(response.text ?? "")).not.toHaveProperty("a");
  });

  it("delays answers by the injected latency", async () => {
    emulator.faults.add({ kind: "delay", ms: 250 });
    const started = performance.now();
    await text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("checks the key before injecting faults, as Google does", async () => {
    emulator.faults.add({ kind: "rate_limited" });
    const wrong = new GoogleGenAI({ apiKey: "wrong", httpOptions: { baseUrl: emulator.url } });

    expect((await errorBody(wrong.models.generateContent({ model: TEXT, contents: "x" }))).status).toBe(400);
    expect(emulator.faults.pending).toBe(1);
  });

  it("logs method, path, model and the parsed body", async () => {
    await text({ temperature: 0.2 });
    expect(emulator.requests[0]).toMatchObject({
      method: "POST",
      path: `/v1beta/models/${TEXT}:generateContent`,
      route: "text",
      model: TEXT,
      status: 200,
      body: { contents: [{ role: "user", parts: [{ text: "hello" }] }], generationConfig: { temperature: 0.2 } },
    });
  });

  it("refuses a fault on a route it cannot apply to", () => {
    expect(() => emulator.faults.add({ kind: "malformed_json", route: "image" })).toThrow(/does not apply/);
  });
});
