import "server-only";
import { kv } from "@/lib/kv";
import { metaConfig, sandboxScope } from "./config";
import { pauseSeconds, type MetaUsage } from "./usage";

type Stored = { pct: number; pauseUntil: number };

/**
 * Meta's limits belong to the ad account, whoever calls. In the sandbox every
 * user has the same fixture account ids in a world of their own, so the key
 * carries their sandbox scope too.
 */
export function usageKey(userId: string, adAccountId: string): string {
  const id = adAccountId.replace(/^act_/, "");
  return metaConfig().mode === "sandbox" ? `meta:usage:sandbox:${sandboxScope(userId)}:${id}` : `meta:usage:${id}`;
}

/**
 * Keeps the latest usage per ad account (from any response, success or error),
 * so every caller can see that an account is near Meta's limit before it is blocked.
 */
export async function recordUsage(userId: string, usage: MetaUsage, now = Date.now()): Promise<void> {
  await Promise.all(
    Object.entries(usage.accountPct).map(([accountId, pct]) => {
      const pause = pauseSeconds(usage, accountId);
      return kv().set(usageKey(userId, accountId), { pct, pauseUntil: now + pause * 1000 } satisfies Stored, { ttlSeconds: Math.max(600, pause + 60) });
    }),
  );
}

/** Seconds to wait before calling Meta for this ad account; 0 when it is clear. */
export async function accountPauseSeconds(userId: string, adAccountId: string, now = Date.now()): Promise<number> {
  const stored = await kv().get<Stored>(usageKey(userId, adAccountId));
  return stored ? Math.max(0, Math.ceil((stored.pauseUntil - now) / 1000)) : 0;
}
