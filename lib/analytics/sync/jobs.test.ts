import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobRuns, metaAccounts, metaAdAccounts } from "@/db/schema";
import "@/lib/jobs/catalog";
import { executeRun } from "@/lib/jobs/execute-run";
import { startJob } from "@/lib/jobs/start-job";
import { createUser } from "@/tests/support/tenancy";
import { insightsSync } from "./jobs";
import { requestSync } from "./request-sync";

async function connectedAccount(userId: string, options: { status?: "active" | "reconnect_required"; connected?: boolean } = {}) {
  const [connection] = await db
    .insert(metaAccounts)
    .values({ userId, metaUserId: String(Math.random()).slice(2), accessToken: "unused", status: options.status ?? "active" })
    .returning({ id: metaAccounts.id });
  const [account] = await db
    .insert(metaAdAccounts)
    .values({ userId, metaAccountId: connection!.id, adAccountId: `act_${String(Math.random()).slice(2, 12)}`, name: "Shop", currency: "USD", timezone: "UTC", accountStatus: 1, connected: options.connected ?? true })
    .returning({ id: metaAdAccounts.id });
  return account!.id;
}

const syncRunsOf = (userId: string) =>
  db
    .select({ id: jobRuns.id, payload: jobRuns.payload, key: jobRuns.idempotencyKey })
    .from(jobRuns)
    .where(and(eq(jobRuns.userId, userId), eq(jobRuns.kind, "insights.sync-account")));

describe("starting syncs", () => {
  it("the 4-hourly schedule starts one run per connected account on a working connection, once per slot", async () => {
    const [ann, ben] = [await createUser(), await createUser()];
    const annAccount = await connectedAccount(ann.id);
    await connectedAccount(ann.id, { connected: false });
    await connectedAccount(ben.id, { status: "reconnect_required" });

    for (const key of ["tick-a", "tick-b"]) {
      const { run } = await startJob(insightsSync, {}, { idempotencyKey: `${key}-${ann.id}` });
      expect((await executeRun(run.id, 0)).kind).toBe("succeeded");
    }
    const annRuns = await syncRunsOf(ann.id);
    // Two schedule ticks in the same 4-hour slot: still one run.
    expect(annRuns).toHaveLength(1);
    expect(annRuns[0]!.payload).toEqual({ adAccountId: annAccount, trigger: "schedule" });
    expect(await syncRunsOf(ben.id)).toHaveLength(0);
  });

  it("Sync now starts the user's own accounts only, and reuses a run already in flight", async () => {
    const [ann, ben] = [await createUser(), await createUser()];
    const accounts = [await connectedAccount(ann.id), await connectedAccount(ann.id)];
    await connectedAccount(ben.id);

    const first = await requestSync(ann.id, "manual", Date.parse("2026-01-20T10:00:00Z"));
    expect(first.runIds).toHaveLength(2);
    const runs = await db.select({ payload: jobRuns.payload }).from(jobRuns).where(inArray(jobRuns.id, first.runIds));
    expect(runs.map((run) => (run.payload as { adAccountId: string }).adAccountId).sort()).toEqual([...accounts].sort());
    expect(await syncRunsOf(ben.id)).toHaveLength(0);

    // A double click in the same five minutes starts nothing new.
    expect((await requestSync(ann.id, "manual", Date.parse("2026-01-20T10:01:00Z"))).runIds.sort()).toEqual([...first.runIds].sort());
    expect(await requestSync(ben.id, "manual", Date.parse("2026-01-20T10:01:00Z"))).toMatchObject({ runIds: [expect.any(String)] });
    expect(await requestSync((await createUser()).id)).toEqual({ runIds: [] });
  });
});
