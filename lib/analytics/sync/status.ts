import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { adAccountSyncs, metaAdAccounts, type SyncStatus } from "@/db/schema";

export type AccountSyncView = {
  adAccountId: string;
  /** "act_…" */
  metaAdAccountId: string;
  name: string;
  currency: string;
  status: SyncStatus;
  runId: string | null;
  lastSuccessAt: Date | null;
  error: string | null;
  rows: number;
  calls: number;
  durationMs: number;
};

/** Sync state of each of the user's connected ad accounts (idle before its first sync). */
export async function syncStatusFor(userId: string): Promise<AccountSyncView[]> {
  const rows = await db
    .select({
      adAccountId: metaAdAccounts.id,
      metaAdAccountId: metaAdAccounts.adAccountId,
      name: metaAdAccounts.name,
      currency: metaAdAccounts.currency,
      sync: adAccountSyncs,
    })
    .from(metaAdAccounts)
    .leftJoin(adAccountSyncs, eq(adAccountSyncs.adAccountId, metaAdAccounts.id))
    .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true)))
    .orderBy(asc(metaAdAccounts.name));
  return rows.map(({ sync, ...account }) => ({
    ...account,
    status: sync?.status ?? "idle",
    runId: sync?.runId ?? null,
    lastSuccessAt: sync?.lastSuccessAt ?? null,
    error: sync?.error ?? null,
    rows: sync?.rows ?? 0,
    calls: sync?.calls ?? 0,
    durationMs: sync?.durationMs ?? 0,
  }));
}

/** When the user's numbers were last refreshed: the oldest of their accounts' last successes (null before any). */
export function lastSyncedAt(accounts: AccountSyncView[]): Date | null {
  const times = accounts.map((account) => account.lastSuccessAt);
  if (times.length === 0 || times.some((time) => time === null)) return times.find((time) => time !== null) ?? null;
  return new Date(Math.min(...times.map((time) => time!.getTime())));
}
