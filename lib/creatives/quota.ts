import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { generationRequests, jobRuns, users, type SubscriptionTier } from "@/db/schema";
import { tierLimits } from "@/lib/auth/tiers";

export type GenerationKind = "image" | "video";
export type Quota = { kind: GenerationKind; limit: number; used: number; remaining: number; resetsAt: Date };

/** Quotas are per calendar month in UTC: simple to explain, simple to count. */
export function monthWindow(now = new Date()): { start: Date; end: Date } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { start, end };
}

function limitFor(tier: SubscriptionTier, kind: GenerationKind): number {
  const limits = tierLimits(tier);
  return kind === "image" ? limits.imageGenerationsPerMonth : limits.videoGenerationsPerMonth;
}

/**
 * Units counted this month: a request still in flight holds everything it asked
 * for; once its run has ended (or it was marked finished) only what it produced
 * counts, so failures and safety blocks give the quota back.
 */
async function usedThisMonth(tx: Queryable, userId: string, kind: GenerationKind, now: Date): Promise<number> {
  const { start } = monthWindow(now);
  const [row] = await tx
    .select({
      used: sql<string>`coalesce(sum(case
        when ${generationRequests.status} = 'running' and coalesce(${jobRuns.status}::text, 'queued') not in ('succeeded', 'failed', 'cancelled')
          then ${generationRequests.units}
        else ${generationRequests.produced} end), 0)`,
    })
    .from(generationRequests)
    .leftJoin(jobRuns, eq(jobRuns.id, generationRequests.jobRunId))
    .where(and(eq(generationRequests.userId, userId), eq(generationRequests.assetType, kind), gte(generationRequests.createdAt, start)));
  return Number(row?.used ?? 0);
}

export async function quotaFor(tx: Queryable, userId: string, tier: SubscriptionTier, kind: GenerationKind, now = new Date()): Promise<Quota> {
  const limit = limitFor(tier, kind);
  const used = await usedThisMonth(tx, userId, kind, now);
  return { kind, limit, used, remaining: Math.max(0, limit - used), resetsAt: monthWindow(now).end };
}

export class QuotaExceeded extends Error {
  constructor(readonly quota: Quota, readonly requested: number) {
    const what = quota.kind === "image" ? "images" : "videos";
    super(
      quota.remaining === 0
        ? `You have used all ${quota.limit} ${what} in your plan this month. The allowance resets on ${quota.resetsAt.toISOString().slice(0, 10)}.`
        : `That would make ${requested} ${what}, but your plan has ${quota.remaining} left this month. Choose fewer formats or variants.`,
    );
    this.name = "QuotaExceeded";
  }
}

/**
 * Checks and reserves `units` in the caller's transaction. The user row is locked
 * first, so two requests at the limit are counted one after the other and cannot
 * both pass; the caller inserts its request row before the lock is released.
 */
export async function reserveQuota(tx: Queryable, userId: string, kind: GenerationKind, units: number, now = new Date()): Promise<Quota> {
  const [user] = await tx.select({ tier: users.subscriptionTier }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new Error("User not found");
  const quota = await quotaFor(tx, userId, user.tier, kind, now);
  if (units > quota.remaining) throw new QuotaExceeded(quota, units);
  return quota;
}
