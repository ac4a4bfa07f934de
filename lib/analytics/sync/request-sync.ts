import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { adAccountSyncs, jobRuns, metaAccounts, metaAdAccounts } from "@/db/schema";
import { startJob } from "@/lib/jobs/start-job";
import { insightsSyncAccount } from "./sync-job";

/** How often a user may start a sync of the same ad account by hand. */
const MANUAL_SLOT_MS = 5 * 60_000;
const ACTIVE_RUN = ["queued", "running", "waiting"] as const;

export type SyncTrigger = "schedule" | "manual";

/** The user's ad accounts that can be synced: connected in AdPilot, on a connection that works. */
export async function syncableAdAccounts(userId?: string) {
  return db
    .select({ id: metaAdAccounts.id, userId: metaAdAccounts.userId })
    .from(metaAdAccounts)
    .innerJoin(metaAccounts, eq(metaAccounts.id, metaAdAccounts.metaAccountId))
    .where(and(eq(metaAdAccounts.connected, true), eq(metaAccounts.status, "active"), userId ? eq(metaAdAccounts.userId, userId) : undefined));
}

/**
 * Starts one sync run per connected ad account of the user (or reuses the run
 * already in flight for it). Manual syncs are keyed by 5-minute slot, so a
 * double click or two tabs start one run, not two.
 */
export async function requestSync(userId: string, trigger: SyncTrigger = "manual", now = Date.now(), options: { fresh?: boolean } = {}): Promise<{ runIds: string[] }> {
  const accounts = await syncableAdAccounts(userId);
  if (accounts.length === 0) return { runIds: [] };
  const inFlight = await db
    .select({ adAccountId: adAccountSyncs.adAccountId, runId: jobRuns.id })
    .from(adAccountSyncs)
    .innerJoin(jobRuns, eq(jobRuns.id, adAccountSyncs.runId))
    .where(and(inArray(adAccountSyncs.adAccountId, accounts.map((account) => account.id)), inArray(jobRuns.status, [...ACTIVE_RUN])));
  const running = new Map(inFlight.map((row) => [row.adAccountId, row.runId]));
  const slot = Math.floor(now / MANUAL_SLOT_MS);
  const runIds: string[] = [];
  for (const account of accounts) {
    const existing = running.get(account.id);
    if (existing) {
      runIds.push(existing);
      continue;
    }
    // `fresh`: new data was just added (the sandbox demo), so a sync that already ran in this slot does not count.
    const key = options.fresh ? `${account.id}:${trigger}:${randomUUID()}` : `${account.id}:${trigger}:${slot}`;
    const { run } = await startJob(insightsSyncAccount, { adAccountId: account.id, trigger }, { userId, idempotencyKey: key });
    runIds.push(run.id);
  }
  return { runIds };
}
