import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobDispatches, jobRuns, jobSteps } from "@/db/schema";
import { alwaysFails, effects, fourSteps, metaIdStep, sleeper } from "@/tests/support/test-jobs";
import { JOB_MAX_RETRIES } from "./config";
import { executeRun } from "./execute-run";
import { startJob } from "./start-job";

const runOf = async (id: string) => (await db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0]!;
const effectsOf = (runId: string) => effects.filter((effect) => effect.startsWith(`${runId}:`)).map((effect) => effect.split(":")[1]);

describe("durable steps", () => {
  it.each([1, 2, 3, 4])("a run that dies after step %i completes on redelivery with every step run exactly once", async (k) => {
    const { run } = await startJob(fourSteps, { crashAfterStep: k });

    expect(await executeRun(run.id, 0)).toEqual({ kind: "retry", reason: `simulated crash after step ${k}` });
    const afterCrash = await runOf(run.id);
    // The raw message is for the log; the user reads a plain sentence.
    expect(afterCrash).toMatchObject({ status: "queued", error: "AdPilot ran into an unexpected problem and logged the details.", lockedUntil: null });
    expect(effectsOf(run.id)).toEqual(Array.from({ length: k }, (_, i) => `step-${i + 1}`));

    expect(await executeRun(run.id, 1)).toEqual({ kind: "succeeded" });
    expect(effectsOf(run.id)).toEqual(["step-1", "step-2", "step-3", "step-4"]);
    expect(await runOf(run.id)).toMatchObject({ status: "succeeded", progress: 100, result: { total: 100 }, error: null, attempts: 2 });
    const steps = await db.select().from(jobSteps).where(eq(jobSteps.runId, run.id));
    expect(steps.map((step) => [step.name, step.result]).sort()).toEqual([
      ["step-1", { $step: 10 }],
      ["step-2", { $step: 20 }],
      ["step-3", { $step: 30 }],
      ["step-4", { $step: 40 }],
    ]);

    // A late duplicate delivery of a finished run does nothing.
    expect(await executeRun(run.id, 0)).toEqual({ kind: "skipped", reason: "finished" });
    expect(effectsOf(run.id)).toHaveLength(4);
  });

  it("returns the existing run when started twice with one idempotency key", async () => {
    const key = `launch:${crypto.randomUUID()}`;
    const first = await startJob(fourSteps, {}, { idempotencyKey: key });
    const second = await startJob(fourSteps, { crashAfterStep: 2 }, { idempotencyKey: key });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.run.id).toBe(first.run.id);
    expect(await db.select().from(jobDispatches).where(eq(jobDispatches.runId, first.run.id))).toHaveLength(1);
  });

  it("refuses an invalid payload before writing anything", async () => {
    const before = (await db.select().from(jobRuns)).length;
    await expect(startJob(fourSteps, { crashAfterStep: 9 })).rejects.toThrow(/expected number to be <=4/);
    expect((await db.select().from(jobRuns)).length).toBe(before);
  });

  it("does not let a second delivery run a run that another delivery holds", async () => {
    const { run } = await startJob(fourSteps, {});
    await db.update(jobRuns).set({ status: "running", lockedUntil: new Date(Date.now() + 60_000) }).where(eq(jobRuns.id, run.id));
    expect(await executeRun(run.id, 0)).toEqual({ kind: "skipped", reason: "busy" });
    expect(effectsOf(run.id)).toEqual([]);
  });

  it("marks permanent failures failed at once, and transient ones only after the last retry", async () => {
    const permanent = (await startJob(alwaysFails, { permanent: true })).run;
    expect(await executeRun(permanent.id, 0)).toEqual({ kind: "failed", reason: "The ad account was disabled by Meta." });
    expect(await runOf(permanent.id)).toMatchObject({ status: "failed", error: "The ad account was disabled by Meta." });

    const transient = (await startJob(alwaysFails, { permanent: false })).run;
    for (let attempt = 0; attempt < JOB_MAX_RETRIES; attempt++) {
      expect(await executeRun(transient.id, attempt)).toEqual({ kind: "retry", reason: "Meta answered 503" });
    }
    expect(await executeRun(transient.id, JOB_MAX_RETRIES)).toEqual({
      kind: "failed",
      reason: `Gave up after ${JOB_MAX_RETRIES + 1} attempts: Meta had a temporary problem.`,
    });
    expect(await runOf(transient.id)).toMatchObject({ status: "failed", attempts: JOB_MAX_RETRIES + 1 });
    // The step before the failure ran once, however many deliveries there were.
    expect(effectsOf(transient.id)).toEqual(["attempt"]);
  });

  it("fails a run whose stored payload no longer validates, without running it", async () => {
    const { run } = await startJob(fourSteps, {});
    await db.update(jobRuns).set({ payload: { crashAfterStep: "soon" } }).where(eq(jobRuns.id, run.id));
    const outcome = await executeRun(run.id, 0);
    expect(outcome).toMatchObject({ kind: "failed" });
    expect((outcome as { reason: string }).reason).toMatch(/^Invalid payload: crashAfterStep/);
    expect(effectsOf(run.id)).toEqual([]);
  });

  it("sleeps by re-delivery, not by waiting, and resumes after the delay", async () => {
    const { run } = await startJob(sleeper, { seconds: 1 });
    const outcome = await executeRun(run.id, 0);
    expect(outcome.kind).toBe("suspended");
    expect(await runOf(run.id)).toMatchObject({ status: "waiting", lockedUntil: null });
    const dispatches = await db.select().from(jobDispatches).where(eq(jobDispatches.runId, run.id));
    expect(dispatches).toHaveLength(2);
    expect(Math.max(...dispatches.map((dispatch) => dispatch.deliverAt.getTime()))).toBeGreaterThan(Date.now() + 500);

    // Delivered early (a clock skew, a duplicate): it parks again without re-running anything.
    expect((await executeRun(run.id, 0)).kind).toBe("suspended");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });
    expect(effectsOf(run.id)).toEqual(["before", "after"]);
  });

  it("turns RetryLater into a delayed re-delivery with its reason shown", async () => {
    const { run } = await startJob(sleeper, { seconds: 30, retryLater: true });
    const outcome = await executeRun(run.id, 0);
    expect(outcome.kind).toBe("suspended");
    expect(await runOf(run.id)).toMatchObject({ status: "waiting", progressMessage: "Waiting for Meta's rate limit to recover" });
    expect(await executeRun(run.id, 0)).toEqual({ kind: "succeeded" });
    expect(effectsOf(run.id)).toEqual(["before", "paused", "after"]);
  });

  it("returns a step's numeric-looking string exactly (a Meta id), not a rounded number", async () => {
    const run = (await startJob(metaIdStep, {})).run;
    expect(await executeRun(run.id, 0)).toMatchObject({ kind: "retry" });
    expect(await executeRun(run.id, 1)).toEqual({ kind: "succeeded" });
    expect((await runOf(run.id)).result).toEqual({ id: "120210000000000007" });
  });
});
