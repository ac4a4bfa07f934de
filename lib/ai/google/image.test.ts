import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAiError } from "../errors";
import { AD_FORMATS, FORMAT_SIZES, type ImageRequest } from "../types";
import { BRAND, requestsOf, startHarness, type Harness } from "./test-support";

type ImageBody = { contents: Array<{ parts: Array<{ text: string }> }>; generationConfig: { responseModalities: string[]; imageConfig: { aspectRatio: string; imageSize: string } } };

const request = (overrides: Partial<ImageRequest> = {}): ImageRequest => ({
  prompt: "A loaf of sourdough on a bakery counter at sunrise",
  format: "1:1",
  style: "photographic",
  brand: BRAND,
  variant: 0,
  seed: 42,
  headline: "Bread worth getting up for",
  callToAction: "Order now",
  ...overrides,
});

const sentConfig = (harness: Harness) => requestsOf(harness.emulator, "image").map((entry) => (entry.body as ImageBody).generationConfig.imageConfig);

describe("GoogleProvider images", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.emulator.faults.clear();
    harness.emulator.clearRequests();
  });

  it.each(AD_FORMATS)("returns a %s creative at exactly Meta's pixel size", async (format) => {
    const { result, usage } = await harness.provider.generateImage(request({ format }));

    const metadata = await sharp(result.bytes).metadata();
    expect({ width: metadata.width, height: metadata.height }).toEqual(FORMAT_SIZES[format]);
    expect({ width: result.width, height: result.height }).toEqual(FORMAT_SIZES[format]);
    expect(metadata.format).toBe("jpeg");
    expect(result.mimeType).toBe("image/jpeg");
    expect(usage).toMatchObject({ model: "gemini-3.1-flash-image", images: 1, outputTokens: 1120 });
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("asks for pictures only, in the brand's colours, with room left for the headline", async () => {
    await harness.provider.generateImage(request({ format: "9:16" }));

    const body = requestsOf(harness.emulator, "image")[0]?.body as ImageBody;
    expect(body.generationConfig.responseModalities).toEqual(["IMAGE"]);
    expect(body.generationConfig.imageConfig).toEqual({ aspectRatio: "9:16", imageSize: "2K" });
    const prompt = body.contents[0]?.parts[0]?.text ?? "";
    expect(prompt).toContain("#1d4e89");
    expect(prompt).toMatch(/uncluttered area/);
    expect(prompt).toMatch(/Do not draw any text/);
    // The headline is drawn later; sending its words would invite the model to letter them.
    expect(prompt).not.toContain("Bread worth getting up for");
  });

  it("falls back to 3:4 and crops when the model refuses 4:5, and remembers the refusal", async () => {
    // A fresh provider: the shared one has already learnt that this model refuses 4:5.
    const fresh = await startHarness();
    try {
      const { result } = await fresh.provider.generateImage(request({ format: "4:5", seed: 1 }));

      expect(sentConfig(fresh).map((config) => config.aspectRatio)).toEqual(["4:5", "3:4"]);
      expect(requestsOf(fresh.emulator, "image").map((entry) => entry.status)).toEqual([400, 200]);
      const metadata = await sharp(result.bytes).metadata();
      expect({ width: metadata.width, height: metadata.height }).toEqual(FORMAT_SIZES["4:5"]);

      fresh.emulator.clearRequests();
      await fresh.provider.generateImage(request({ format: "4:5", seed: 2 }));
      expect(sentConfig(fresh).map((config) => config.aspectRatio)).toEqual(["3:4"]);
    } finally {
      await fresh.close();
    }
  });

  it("asks for 4:5 directly when the model accepts it", async () => {
    const accepting = await startHarness({ emulator: { allowFourByFive: true } });
    try {
      const { result } = await accepting.provider.generateImage(request({ format: "4:5" }));
      expect(sentConfig(accepting).map((config) => config.aspectRatio)).toEqual(["4:5"]);
      expect({ width: result.width, height: result.height }).toEqual(FORMAT_SIZES["4:5"]);
    } finally {
      await accepting.close();
    }
  });

  it("reports a filtered image as safety_blocked", async () => {
    harness.emulator.faults.add({ kind: "safety", route: "image" });

    const error = await harness.provider.generateImage(request()).catch((caught: unknown) => caught);

    expect(isAiError(error) && error.kind).toBe("safety_blocked");
    expect(isAiError(error) && error.message).toMatch(/safety rules/);
    expect(requestsOf(harness.emulator, "image")).toHaveLength(1);
  });

  it("makes different pictures for different variants", async () => {
    const first = await harness.provider.generateImage(request({ variant: 0 }));
    const second = await harness.provider.generateImage(request({ variant: 1 }));

    expect(first.result.bytes.equals(second.result.bytes)).toBe(false);
  });
});
