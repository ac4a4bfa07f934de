import { Client } from "@upstash/qstash";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobDispatches, jobRuns } from "@/db/schema";
import { startQStashEmulator, type QStashEmulator } from "@/emulators/qstash";
import { env } from "@/lib/env";
import { qstashSigningKeys } from "@/lib/local-secrets";
import { serve } from "@/tests/support/serve";
import { effects, fourSteps } from "@/tests/support/test-jobs";
import { flushOutbox } from "./builtin/outbox-flush";
import { QStashDispatcher } from "./dispatch/qstash-dispatcher";
import { executeRun } from "./execute-run";
import { handleDelivery } from "./handle-delivery";
import { SCHEDULES } from "./schedules";
import { syncSchedules } from "./sync-schedules";

// The production path end to end: the real @upstash/qstash Client publishes to the
// emulator, which delivers signed requests to the executor served on APP_URL.
let qstash: QStashEmulator;
let app: { url: string; close(): Promise<void> };
let client: Client;

beforeAll(async () => {
  const keys = qstashSigningKeys();
  qstash = await startQStashEmulator({ currentSigningKey: keys.current, nextSigningKey: keys.next });
  app = await serve((request) => handleDelivery(request, new URL(request.url).pathname.split("/").pop()!), Number(new URL(env.APP_URL).port));
  client = new Client({ token: qstash.token, baseUrl: qstash.url });
});
afterAll(async () => {
  await app?.close();
  await qstash?.close();
});

const dispatchesOf = (runId: string) => db.select().from(jobDispatches).where(eq(jobDispatches.runId, runId));

async function queuedRun(crashAfterStep = 0) {
  const [run] = await db.insert(jobRuns).values({ kind: fourSteps.name, idempotencyKey: crypto.randomUUID(), payload: { crashAfterStep } }).returning();
  const [dispatch] = await db.insert(jobDispatches).values({ runId: run!.id, jobName: run!.kind }).returning();
  return { run: run!, dispatch: dispatch! };
}

describe("QStash dispatch (production path)", () => {
  it("publishes with the dispatch id as deduplication id; QStash's delivery runs the job", async () => {
    const { run, dispatch } = await queuedRun();
    await new QStashDispatcher(client).publish(dispatch);
    const [sent] = await dispatchesOf(run.id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    const message = qstash.messages().find((m) => m.messageId === sent!.providerMessageId)!;
    expect(message).toMatchObject({ url: `${env.APP_URL}/api/jobs/test.four-steps`, deduplicationId: dispatch.id, maxRetries: 5 });

    await qstash.deliverDue();
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]).toMatchObject({ status: "succeeded" });
  });

  it("retries a transient failure through QStash's own retry until the run completes", async () => {
    const { run, dispatch } = await queuedRun(3);
    await new QStashDispatcher(client).publish(dispatch);
    await qstash.deliverDue();
    const [message] = qstash.messages().filter((m) => m.deduplicationId === dispatch.id);
    expect(message!.attempts.map((attempt) => attempt.status)).toEqual([500]);
    await qstash.deliverDue(new Date(Date.now() + 60_000));
    expect(qstash.messages().find((m) => m.deduplicationId === dispatch.id)!.state).toBe("DELIVERED");
    expect(effects.filter((effect) => effect.startsWith(run.id))).toHaveLength(4);
  });

  it("keeps a failed publish in the outbox and the flush sends it exactly once", async () => {
    const { run, dispatch } = await queuedRun();
    qstash.failNextPublishes(1);
    await new QStashDispatcher(client).publish(dispatch);
    const [pending] = await dispatchesOf(run.id);
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending!.lastError).toBeTruthy();

    // The flush runs later (past its grace period), twice even: QStash deduplicates.
    const later = new Date(Date.now() + 60_000);
    expect((await flushOutbox(later, new QStashDispatcher(client))).republished).toBeGreaterThanOrEqual(1);
    await db.update(jobDispatches).set({ status: "pending" }).where(eq(jobDispatches.id, dispatch.id));
    await flushOutbox(later, new QStashDispatcher(client));
    expect(qstash.messages().filter((m) => m.deduplicationId === dispatch.id)).toHaveLength(1);

    await qstash.deliverDue();
    expect(await executeRun(run.id, 0)).toEqual({ kind: "skipped", reason: "finished" });
  });
});

describe("schedules on QStash", () => {
  it("syncs the schedule table idempotently and removes retired schedules", async () => {
    await client.schedules.create({ scheduleId: "adpilot-retired", destination: `${env.APP_URL}/api/jobs/old`, cron: "0 0 * * *" });
    await client.schedules.create({ scheduleId: "someone-elses", destination: "https://example.com/hook", cron: "0 0 * * *" });

    const first = await syncSchedules(client);
    expect(first.upserted).toEqual(SCHEDULES.map((schedule) => `adpilot-${schedule.id}`));
    expect(first.deleted).toEqual(["adpilot-retired"]);
    const second = await syncSchedules(client);
    expect(second.deleted).toEqual([]);

    const onQStash = qstash.schedules();
    expect(onQStash.map((schedule) => schedule.scheduleId).sort()).toEqual([...first.upserted, "someone-elses"].sort());
    const sync = onQStash.find((schedule) => schedule.scheduleId === "adpilot-insights-sync")!;
    expect(sync).toMatchObject({ cron: "0 */4 * * *", destination: `${env.APP_URL}/api/jobs/insights.sync`, body: '{"schedule":"insights-sync"}' });
  });

  it("a schedule firing on QStash runs its job through the executor", async () => {
    await syncSchedules(client);
    await client.schedules.delete("someone-elses").catch(() => {});
    await qstash.triggerSchedules();
    // The operator alert check: its outcome does not depend on other test files' rows in a shared
    // database (the token check, say, calls whatever Graph address their connections point at).
    const scheduled = await db.select().from(jobRuns).where(eq(jobRuns.kind, "ops.alerts"));
    expect(scheduled.map((run) => ({ status: run.status, error: run.error, key: run.idempotencyKey.split(":").slice(0, 2).join(":") }))).toContainEqual({
      status: "succeeded",
      error: null,
      key: "schedule:ops-alerts",
    });
  });
});
