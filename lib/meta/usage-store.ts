import "server-only";
import { kv } from "@/lib/kv";
import { pauseSeconds, type MetaUsage } from "./usage";

type Stored = { pct: number; pauseUntil: number };
const key = (adAccountId: string) => `meta:usage:${adAccountId.replace(/^act_/, "")}`;

/**
 * Keeps the latest usage per ad account (from any response, success or error),
 * so every caller can see that an account is near Meta's limit before it is blocked.
 */
export async function recordUsage(usage: MetaUsage, now = Date.now()): Promise<void> {
  await Promise.all(
    Object.entries(usage.accountPct).map(([accountId, pct]) => {
      const pause = pauseSeconds(usage, accountId);
      return kv().set(key(accountId), { pct, pauseUntil: now + pause * 1000 } satisfies Stored, { ttlSeconds: Math.max(600, pause + 60) });
    }),
  );
}

/** Seconds to wait before calling Meta for this ad account; 0 when it is clear. */
export async function accountPauseSeconds(adAccountId: string, now = Date.now()): Promise<number> {
  const stored = await kv().get<Stored>(key(adAccountId));
  return stored ? Math.max(0, Math.ceil((stored.pauseUntil - now) / 1000)) : 0;
}
