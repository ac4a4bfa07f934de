import type { BrandContext, ImageRequest } from "@/lib/ai/types";

/** Request and brand builders shared by the renderer's tests. */

export function brandKit(overrides: Partial<BrandContext> = {}): BrandContext {
  return {
    name: "Clay & Co",
    websiteUrl: "https://www.clayandco.example/",
    colors: ["#1f6f4a", "#f2c14e", "#e4572e"],
    fonts: [],
    tone: [],
    valuePropositions: [],
    wordsToUse: [],
    wordsToAvoid: [],
    ...overrides,
  };
}

export function imageRequest(overrides: Partial<ImageRequest> = {}): ImageRequest {
  return {
    prompt: "Promote our summer sale on handmade ceramic mugs, 20% off for new customers",
    format: "1:1",
    style: "bold",
    brand: brandKit(),
    variant: 0,
    seed: 42,
    ...overrides,
  };
}
