import "server-only";
import type { GenerateContentResponseUsageMetadata } from "@google/genai";

export type TokenCount = { inputTokens: number; outputTokens: number };

/** Thinking tokens are billed as output, so they count with the answer's tokens. */
export function tokensOf(metadata: GenerateContentResponseUsageMetadata | undefined): TokenCount {
  return {
    inputTokens: metadata?.promptTokenCount ?? 0,
    outputTokens: (metadata?.candidatesTokenCount ?? 0) + (metadata?.thoughtsTokenCount ?? 0),
  };
}

export function addTokens(total: TokenCount, more: TokenCount): TokenCount {
  return { inputTokens: total.inputTokens + more.inputTokens, outputTokens: total.outputTokens + more.outputTokens };
}
