import type { UsageMeasure } from "./types";

/**
 * Published list prices in USD (late 2026), used only to estimate spend for the
 * Operations page and per-user monitoring; the invoice from Google is the truth.
 * Unknown models cost 0 here and show up as such, rather than guessed.
 */
type Price = { inputPerMillionTokens?: number; outputPerMillionTokens?: number; perImage?: number; perVideoSecond?: number };

export const AI_PRICES: Record<string, Price> = {
  "gemini-3.5-flash": { inputPerMillionTokens: 1.5, outputPerMillionTokens: 9 },
  "gemini-3-flash-preview": { inputPerMillionTokens: 0.5, outputPerMillionTokens: 3 },
  "gemini-2.5-flash": { inputPerMillionTokens: 0.3, outputPerMillionTokens: 2.5 },
  "gemini-3.1-flash-image": { perImage: 0.067 },
  "gemini-3-pro-image": { perImage: 0.134 },
  "gemini-2.5-flash-image": { perImage: 0.039 },
  "veo-3.1-generate-preview": { perVideoSecond: 0.4 },
  "veo-3.1-fast-generate-preview": { perVideoSecond: 0.15 },
};

export function estimateCostUsd(usage: UsageMeasure): number {
  const price = AI_PRICES[usage.model];
  if (!price) return 0;
  const cost =
    ((usage.inputTokens ?? 0) * (price.inputPerMillionTokens ?? 0)) / 1_000_000 +
    ((usage.outputTokens ?? 0) * (price.outputPerMillionTokens ?? 0)) / 1_000_000 +
    (usage.images ?? 0) * (price.perImage ?? 0) +
    (usage.videoSeconds ?? 0) * (price.perVideoSecond ?? 0);
  // The column keeps six decimals; rounding here keeps tests and sums exact.
  return Math.round(cost * 1_000_000) / 1_000_000;
}
