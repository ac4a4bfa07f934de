import "server-only";
import { rateLimiter, type RateLimitResult, type RateLimitRule } from "@/lib/kv";
import type { SubscriptionTier } from "@/db/schema/users";
import { tierLimits } from "./tiers";

/** The rule as it applies on `tier`: same counter (name), the plan's multiple of the limit. */
export function ruleForTier(rule: RateLimitRule, tier: SubscriptionTier): RateLimitRule {
  return { ...rule, limit: Math.max(1, Math.round(rule.limit * tierLimits(tier).burstMultiplier)) };
}

/**
 * Counts one request by a signed-in user against a per-user burst rule scaled to
 * their plan. An upgrade takes effect at once: the counter is kept, the ceiling rises.
 */
export function limitUser(rule: RateLimitRule, user: { id: string; subscriptionTier: SubscriptionTier }): Promise<RateLimitResult> {
  return rateLimiter(ruleForTier(rule, user.subscriptionTier)).limit(user.id);
}
