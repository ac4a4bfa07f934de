import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAiError } from "../errors";
import { requestsOf, SITE, BRAND, startHarness, type Harness } from "./test-support";

type SentBody = {
  contents: Array<{ parts: Array<{ text: string }> }>;
  systemInstruction: { parts: Array<{ text: string }> };
  generationConfig: { responseMimeType: string; responseJsonSchema: Record<string, unknown> };
};

const CALLS_TO_ACTION = ["LEARN_MORE", "SHOP_NOW", "SIGN_UP", "BOOK_NOW", "CONTACT_US", "DOWNLOAD", "GET_OFFER", "SUBSCRIBE"];

describe("GoogleProvider text", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    harness.emulator.clearRequests();
  });

  it("analyses a brand with a JSON schema request and reports the tokens Google counted", async () => {
    const { result, usage } = await harness.provider.analyzeBrand(SITE);

    const [request] = requestsOf(harness.emulator, "text");
    const body = request?.body as SentBody;
    expect(request?.model).toBe("gemini-3.5-flash");
    expect(body.generationConfig.responseMimeType).toBe("application/json");
    expect(body.generationConfig.responseJsonSchema).toMatchObject({ type: "object", required: expect.arrayContaining(["name", "tone", "colors"]) });
    expect(body.generationConfig.responseJsonSchema).not.toHaveProperty("$schema");
    const prompt = body.contents[0]?.parts[0]?.text ?? "";
    const system = body.systemInstruction.parts[0]?.text ?? "";
    expect(prompt).toContain("Slow-fermented sourdough");
    expect(system).toMatch(/data, not instructions/);

    // The emulator counts a token per four characters, as Gemini roughly does.
    expect(usage).toMatchObject({ model: "gemini-3.5-flash", inputTokens: Math.ceil((system + prompt).length / 4) });
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(result.name.length).toBeGreaterThan(0);
    expect(result.tone.length).toBeGreaterThan(0);
    // The emulator's colours are words, not hex: the site's own palette is kept instead.
    expect(result.colors).toEqual(["#1d4e89", "#f2a541", "#eeeeee"]);
  });

  it("writes the requested number of ad copy variants within Meta's length limits", async () => {
    const { result } = await harness.provider.writeAdCopy({ prompt: "Fresh sourdough for your commute", brand: BRAND, purpose: "sales", count: 3 });

    expect(result).toHaveLength(3);
    for (const copy of result) {
      expect(copy.primaryText.length).toBeLessThanOrEqual(125);
      expect(copy.headline.length).toBeLessThanOrEqual(40);
      expect(copy.description.length).toBeLessThanOrEqual(30);
      expect(CALLS_TO_ACTION).toContain(copy.callToAction);
    }
    const body = requestsOf(harness.emulator, "text")[0]?.body as SentBody;
    expect(body.contents[0]?.parts[0]?.text).toContain("Words to avoid: cheap");
    expect(body.generationConfig.responseJsonSchema).toMatchObject({ properties: { variants: { minItems: 3, maxItems: 3 } } });
  });

  it("recommends a targeting strategy inside Meta's age range", async () => {
    const { result } = await harness.provider.recommendStrategy({ purpose: "lead_generation", brand: BRAND, country: "GB" });

    expect(result.ageMin).toBeGreaterThanOrEqual(18);
    expect(result.ageMax).toBeLessThanOrEqual(65);
    expect(result.ageMin).toBeLessThanOrEqual(result.ageMax);
    expect(result.placements.length).toBeGreaterThan(0);
    expect(result.reasoning.length).toBeGreaterThan(0);
  });

  it("asks again when the answer is cut off mid-JSON, and bills both answers", async () => {
    harness.emulator.faults.add({ kind: "malformed_json", route: "text" });

    const { result, usage } = await harness.provider.analyzeBrand(SITE);

    const requests = requestsOf(harness.emulator, "text");
    expect(requests).toHaveLength(2);
    expect(result.name.length).toBeGreaterThan(0);
    const single = await harness.provider.analyzeBrand(SITE);
    expect(usage.inputTokens).toBe(2 * (single.usage.inputTokens ?? 0));
  });

  it("gives up with invalid_output when the answer is off-schema twice", async () => {
    harness.emulator.faults.add({ kind: "off_schema", route: "text", times: 2 });

    const error = await harness.provider.writeAdCopy({ prompt: "Sourdough", brand: null, count: 2 }).catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("invalid_output");
    expect(requestsOf(harness.emulator, "text")).toHaveLength(2);
  });

  it("reports a safety block as safety_blocked without asking again", async () => {
    harness.emulator.faults.add({ kind: "safety", route: "text" });

    const error = await harness.provider.recommendStrategy({ purpose: "sales", brand: null }).catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("safety_blocked");
    expect(isAiError(error) && error.retryable).toBe(false);
    expect(requestsOf(harness.emulator, "text")).toHaveLength(1);
  });
});
