import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestsOf, startHarness, type Harness } from "./test-support";

const structured = vi.hoisted(() => ({ answer: null as string | null }));
vi.mock("./structured", async (original) => {
  const actual = await original<typeof import("./structured")>();
  return {
    ...actual,
    generateStructured: async (...args: Parameters<typeof actual.generateStructured>) => {
      const real = await actual.generateStructured(...args);
      return structured.answer === null ? real : { ...real, result: { explanation: structured.answer } };
    },
  };
});

const REQUEST = {
  draft: "Move $5.00 a day from “Laggard” to “Winner”. Its purchases cost $4.17 each, 62% cheaper than your average.",
  facts: ["Winner: $25.00 → $30.00 a day.", "Laggard: $25.00 → $20.00 a day."],
};

describe("Gemini explains optimizer advice", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("asks Gemini with the draft and the facts, and uses its words when they keep to the numbers", async () => {
    structured.answer = "Shift $5.00 a day from Laggard to Winner, whose purchases cost $4.17 each.";
    const { result, usage } = await harness.provider.explainAdvice(REQUEST);
    expect(result).toBe(structured.answer);
    expect(usage.model).toBe("gemini-3.5-flash");
    const [request] = requestsOf(harness.emulator, "text").slice(-1);
    expect(JSON.stringify(request?.body)).toContain("Laggard: $25.00 → $20.00 a day.");
  });

  it("keeps the template when the model invents or changes a figure", async () => {
    structured.answer = "Shift $50.00 a day to Winner and expect 3 times the sales.";
    expect((await harness.provider.explainAdvice(REQUEST)).result).toBe(REQUEST.draft);
    structured.answer = "   ";
    expect((await harness.provider.explainAdvice(REQUEST)).result).toBe(REQUEST.draft);
  });
});
