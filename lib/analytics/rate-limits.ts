import type { RateLimitRule } from "@/lib/kv";

/** "Sync now" starts runs once per 5-minute slot anyway; this stops a script from hammering the button (and Meta). */
export const ANALYTICS_RATE_LIMITS = {
  syncNowPerUser: { name: "sync-now:user", limit: 12, windowSeconds: 60 * 60 },
  demoHistoryPerUser: { name: "demo-history:user", limit: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
