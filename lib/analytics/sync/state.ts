import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { adAccountSyncs, jobRuns } from "@/db/schema";

/** The sync row of one ad account, written as a run moves along; the dashboard's "last synced" reads it. */

export async function markStarted(target: { adAccountId: string; userId: string }, runId: string, window: { since: string; until: string }, q: Queryable = db): Promise<void> {
  const values = { status: "running" as const, runId, lastStartedAt: new Date(), windowSince: window.since, windowUntil: window.until, error: null, pausedUntil: null, rows: 0, calls: 0 };
  await q
    .insert(adAccountSyncs)
    .values({ adAccountId: target.adAccountId, userId: target.userId, ...values })
    .onConflictDoUpdate({ target: adAccountSyncs.adAccountId, set: values });
}

/** Counts Graph calls as they happen (polls that end in a wait are calls too), only while this run owns the row. */
export async function addCalls(adAccountId: string, runId: string, calls: number): Promise<void> {
  if (calls <= 0) return;
  await db
    .update(adAccountSyncs)
    .set({ calls: sql`${adAccountSyncs.calls} + ${calls}` })
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), eq(adAccountSyncs.runId, runId)));
}

export async function markWaiting(adAccountId: string, runId: string, until: Date, reason: string): Promise<void> {
  await db
    .update(adAccountSyncs)
    .set({ status: "waiting", pausedUntil: until, error: reason })
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), eq(adAccountSyncs.runId, runId)));
}

export async function markRunning(adAccountId: string, runId: string): Promise<void> {
  await db
    .update(adAccountSyncs)
    .set({ status: "running", pausedUntil: null, error: null })
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), eq(adAccountSyncs.runId, runId), eq(adAccountSyncs.status, "waiting")));
}

export async function markSucceeded(
  adAccountId: string,
  runId: string,
  result: { rows: number; startedAt: string; since: string; backfill: boolean },
): Promise<void> {
  await db
    .update(adAccountSyncs)
    .set({
      status: "succeeded",
      lastSuccessAt: new Date(),
      rows: result.rows,
      durationMs: Math.max(0, Date.now() - Date.parse(result.startedAt)),
      error: null,
      pausedUntil: null,
      ...(result.backfill ? { backfilledFrom: result.since } : {}),
    })
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), eq(adAccountSyncs.runId, runId)));
}

/** Called once a run has failed for good; only one run per account is ever in flight, so the one in flight is it. */
export async function markFailed(adAccountId: string, reason: string): Promise<void> {
  await db
    .update(adAccountSyncs)
    .set({ status: "failed", error: reason.slice(0, 1000), pausedUntil: null })
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), inArray(adAccountSyncs.status, ["running", "waiting"])));
}

/** Another run of this account still in flight, if any: two syncs of one account would only race each other. */
export async function otherActiveRun(adAccountId: string, runId: string, q: Queryable = db): Promise<string | null> {
  // Two runs planning at the same moment take turns: the second sees the first as running.
  await q.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sync:${adAccountId}`}, 0))`);
  const [row] = await q
    .select({ runId: jobRuns.id })
    .from(adAccountSyncs)
    .innerJoin(jobRuns, eq(jobRuns.id, adAccountSyncs.runId))
    .where(and(eq(adAccountSyncs.adAccountId, adAccountId), sql`${jobRuns.id} <> ${runId}`, // A "running" run whose lease ran out died mid-delivery; it does not block a new sync.
        sql`(${jobRuns.status} in ('queued', 'waiting') or (${jobRuns.status} = 'running' and ${jobRuns.lockedUntil} > now()))`));
  return row?.runId ?? null;
}
