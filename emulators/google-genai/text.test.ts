/**
 * Drives the emulator with the real @google/genai SDK: structured output that
 * honours the request's schema, and Google's answers to a missing or wrong key.
 */
import { ApiError, GoogleGenAI, Type } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startGenAiEmulator, type GenAiEmulator } from "./index";

const KEY = "emulator-test-key";
const MODEL = "gemini-3.5-flash";

const product = z.object({
  name: z.string().min(3).max(20),
  tags: z.array(z.string()).min(2).max(2),
  rating: z.number().int().min(1).max(5),
  price: z.number().min(0.5).max(9.5),
  kind: z.enum(["bread", "pastry"]),
  inStock: z.boolean(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  maker: z.object({ city: z.string() }),
  note: z.string().nullable(),
});

async function apiError(call: Promise<unknown>): Promise<{ status: number; body: { error: { code: number; message: string; status: string } } }> {
  const error = await call.then(() => undefined).catch((caught: unknown) => caught);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { status: error.status, body: JSON.parse(error.message) };
}

describe("gen-ai emulator: text", () => {
  let emulator: GenAiEmulator;
  let ai: GoogleGenAI;

  beforeAll(async () => {
    emulator = await startGenAiEmulator({ apiKey: KEY });
    ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: emulator.url } });
  });
  afterAll(() => emulator.close());

  const ask = (prompt: string) =>
    ai.models.generateContent({ model: MODEL, contents: prompt, config: { responseMimeType: "application/json", responseJsonSchema: z.toJSONSchema(product) } });

  it("answers JSON that conforms to the responseJsonSchema", async () => {
    for (const prompt of ["sourdough", "croissant", "rye", "focaccia", "bagel"]) {
      const response = await ask(prompt);
      expect(product.safeParse(JSON.parse(response.text ?? "")).error).toBeUndefined();
    }
  });

  it("is deterministic per prompt and differs between prompts", async () => {
    const [first, again, other] = await Promise.all([ask("sourdough"), ask("sourdough"), ask("a different prompt")]);
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it("follows $ref/$defs and the OpenAPI-style responseSchema", async () => {
    const withDefs = { type: "object", properties: { item: { $ref: "#/$defs/Item" } }, required: ["item"], $defs: { Item: { type: "object", properties: { size: { type: "string", enum: ["S", "M"] } }, required: ["size"] } } };
    const refs = await ai.models.generateContent({ model: MODEL, contents: "x", config: { responseMimeType: "application/json", responseJsonSchema: withDefs } });
    expect(["S", "M"]).toContain(JSON.parse(refs.text ?? "").item.size);

    const openApi = await ai.models.generateContent({
      model: MODEL,
      contents: "x",
      config: { responseMimeType: "application/json", responseSchema: { type: Type.OBJECT, properties: { count: { type: Type.INTEGER, minimum: 2, maximum: 3 } }, required: ["count"] } },
    });
    expect([2, 3]).toContain(JSON.parse(openApi.text ?? "").count);
  });

  it("counts tokens at about four characters each", async () => {
    const prompt = "x".repeat(400);
    const response = await ai.models.generateContent({ model: MODEL, contents: prompt, config: { systemInstruction: "y".repeat(40) } });
    expect(response.usageMetadata?.promptTokenCount).toBe(110);
    expect(response.usageMetadata?.totalTokenCount).toBe(110 + (response.usageMetadata?.candidatesTokenCount ?? 0));
    expect(response.candidates?.[0]?.finishReason).toBe("STOP");
  });

  it("rejects a wrong key with Google's 400 API_KEY_INVALID", async () => {
    const wrong = new GoogleGenAI({ apiKey: "not-the-key", httpOptions: { baseUrl: emulator.url } });
    const { status, body } = await apiError(wrong.models.generateContent({ model: MODEL, contents: "hi" }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 400, message: "API key not valid. Please pass a valid API key.", status: "INVALID_ARGUMENT" });
    expect(JSON.stringify(body)).toContain("API_KEY_INVALID");
  });

  it("rejects a request without a key with 403 PERMISSION_DENIED", async () => {
    const response = await fetch(`${emulator.url}/v1beta/models/${MODEL}:generateContent`, { method: "POST", body: JSON.stringify({ contents: [{ parts: [{ text: "hi" }] }] }) });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect((await response.json()).error.status).toBe("PERMISSION_DENIED");
  });

  it("answers an unknown model with 404 NOT_FOUND", async () => {
    const { status, body } = await apiError(ai.models.generateContent({ model: "gpt-5", contents: "hi" }));
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/models\/gpt-5 is not found/);
  });
});
