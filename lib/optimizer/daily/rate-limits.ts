import type { RateLimitRule } from "@/lib/kv";

/** Apply, undo, dismiss and "check now": each may start Meta calls or a job. */
export const OPTIMIZER_RATE_LIMITS = {
  actionsPerUser: { name: "optimizer:user", limit: 60, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
