import type { RateLimitRule } from "@/lib/kv";

/**
 * Launches and changes call Meta for real money; these are far above what a
 * person does in an hour and stop a runaway script before Meta's own limits
 * (or a surprise bill) do.
 */
export const CAMPAIGN_RATE_LIMITS = {
  launchPerUser: { name: "launch:user", limit: 20, windowSeconds: 60 * 60 },
  changePerUser: { name: "campaign-change:user", limit: 60, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
