import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobRuns } from "@/db/schema";
import { qstashSigningKeys } from "@/lib/local-secrets";
import { alwaysFails, effects, fourSteps } from "@/tests/support/test-jobs";
import { JOB_MAX_RETRIES, jobUrl } from "./config";
import { handleDelivery } from "./handle-delivery";
import { signDelivery } from "./signing";
import { startJob } from "./start-job";

type Options = { key?: string; body?: string; signedBody?: string; now?: Date; retried?: number; signature?: string | null; job?: string };

function deliver(job: string, runId: string, options: Options = {}) {
  const body = options.body ?? JSON.stringify({ runId });
  const name = options.job ?? job;
  const signature =
    options.signature === undefined
      ? signDelivery({ key: options.key ?? qstashSigningKeys().current, url: jobUrl(name), body: options.signedBody ?? body, now: options.now })
      : options.signature;
  const headers = new Headers({ "content-type": "application/json", "upstash-retried": String(options.retried ?? 0) });
  if (signature) headers.set("upstash-signature", signature);
  return handleDelivery(new Request(jobUrl(name), { method: "POST", headers, body }), name);
}

const ranSteps = (runId: string) => effects.filter((effect) => effect.startsWith(runId));

describe("POST /api/jobs/[name] signature checks", () => {
  it.each<[string, (runId: string) => Options]>([
    ["missing", () => ({ signature: null })],
    ["signed with a wrong key", () => ({ key: "sig_not_our_key" })],
    ["body changed by one byte", (runId) => ({ signedBody: JSON.stringify({ runId }), body: JSON.stringify({ runId }).replace("}", " }") })],
    ["expired", () => ({ now: new Date(Date.now() - 10 * 60_000) })],
    ["garbage", () => ({ signature: "a.b.c" })],
  ])("rejects a %s signature before any work", async (_label, options) => {
    const { run } = await startJob(fourSteps, {});
    const response = await deliver("test.four-steps", run.id, options(run.id));
    expect(response.status).toBe(401);
    expect(ranSteps(run.id)).toEqual([]);
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("rejects a signature made for another job's URL", async () => {
    const { run } = await startJob(fourSteps, {});
    const body = JSON.stringify({ runId: run.id });
    const signature = signDelivery({ key: qstashSigningKeys().current, url: jobUrl("test.always-fails"), body });
    expect((await deliver("test.four-steps", run.id, { signature })).status).toBe(401);
  });

  it("accepts the next signing key, as after a key rotation", async () => {
    const { run } = await startJob(fourSteps, {});
    const response = await deliver("test.four-steps", run.id, { key: qstashSigningKeys().next });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "succeeded" });
    expect(ranSteps(run.id)).toHaveLength(4);
  });
});

describe("POST /api/jobs/[name] outcomes", () => {
  it("answers 5xx for a transient failure so QStash retries, and 200 once retries are exhausted", async () => {
    const { run } = await startJob(alwaysFails, { permanent: false });
    const first = await deliver("test.always-fails", run.id);
    expect(first.status).toBe(500);
    const last = await deliver("test.always-fails", run.id, { retried: JOB_MAX_RETRIES });
    expect(last.status).toBe(200);
    expect(await last.json()).toEqual({ outcome: "failed", error: `Gave up after ${JOB_MAX_RETRIES + 1} attempts: Meta had a temporary problem.` });
  });

  it("answers 200 for a permanent failure with the readable reason", async () => {
    const { run } = await startJob(alwaysFails, { permanent: true });
    const response = await deliver("test.always-fails", run.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: "failed", error: "The ad account was disabled by Meta." });
  });

  it("answers 200 (no retry) for an unknown job or a malformed envelope, and runs nothing", async () => {
    const { run } = await startJob(fourSteps, {});
    const unknown = await deliver("test.nope", run.id, { job: "test.nope" });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ outcome: "rejected", error: "unknown job" });
    const malformed = await deliver("test.four-steps", run.id, { body: JSON.stringify({ runId: "not-a-uuid" }) });
    expect(await malformed.json()).toEqual({ outcome: "rejected", error: "invalid envelope" });
    const notJson = await deliver("test.four-steps", run.id, { body: "{oops" });
    expect(notJson.status).toBe(200);
    expect(ranSteps(run.id)).toEqual([]);
  });

  it("runs a schedule delivery once per QStash message", async () => {
    const body = JSON.stringify({ schedule: "weekly-report" });
    const request = () =>
      new Request(jobUrl("reports.weekly"), {
        method: "POST",
        headers: {
          "upstash-signature": signDelivery({ key: qstashSigningKeys().current, url: jobUrl("reports.weekly"), body }),
          "upstash-message-id": `msg_${crypto.randomUUID()}`,
        },
        body,
      });
    const first = request();
    const messageId = first.headers.get("upstash-message-id")!;
    expect(await (await handleDelivery(first, "reports.weekly")).json()).toEqual({ outcome: "succeeded" });
    // QStash redelivers the same message: the run is found, not started again.
    const again = new Request(first.url, { method: "POST", headers: first.headers, body });
    expect(await (await handleDelivery(again, "reports.weekly")).json()).toEqual({ outcome: "finished" });
    const runs = await db.select().from(jobRuns).where(eq(jobRuns.idempotencyKey, `schedule:weekly-report:${messageId}`));
    expect(runs).toHaveLength(1);
    // The weekly report job ran: it names the week it reported on (last Monday–Sunday).
    expect(runs[0]!.result).toMatchObject({ periodStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});
