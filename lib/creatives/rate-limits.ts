import type { RateLimitRule } from "@/lib/kv";

/**
 * Bursts, not allowances: the plan's monthly quota limits how much is generated;
 * these stop a script from firing requests (and outbound fetches, and Gemini
 * calls) faster than any person clicks.
 */
export const CREATIVE_RATE_LIMITS = {
  generatePerUser: { name: "generate:user", limit: 20, windowSeconds: 10 * 60 },
  brandAnalysisPerUser: { name: "brand-analysis:user", limit: 10, windowSeconds: 60 * 60 },
  uploadPerUser: { name: "upload:user", limit: 120, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
