import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { db } from "@/db";
import { jobRuns, jobSteps, type JobDispatch, type JobRun } from "@/db/schema";
import { withLogContext } from "@/lib/observability/log-context";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { JOB_LEASE_SECONDS, JOB_MAX_RETRIES } from "./config";
import type { JobContext, JobDefinition, Json } from "./define-job";
import { dispatcher } from "./dispatch";
import { PermanentJobError, RetryLater, Suspend } from "./errors";
import { getJob } from "./registry";
import { enqueueDelivery } from "./start-job";

export type RunOutcome =
  | { kind: "succeeded" }
  | { kind: "suspended"; resumeAt: Date }
  | { kind: "failed"; reason: string }
  /** A transient failure: answer 5xx so the delivery is retried. */
  | { kind: "retry"; reason: string }
  | { kind: "skipped"; reason: "not_found" | "finished" | "busy" };

const ACTIVE = ["queued", "running", "waiting"] as const;

const toJson = <T>(value: T): T => (value === undefined ? null : JSON.parse(JSON.stringify(value))) as T;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * What the user may read about a failure: errors that carry a `userMessage`
 * (Meta's, for instance) say it themselves; anything else (a database or
 * programming error) stays in the log, and the user gets a plain sentence.
 */
const UNEXPECTED = "AdPilot ran into an unexpected problem and logged the details.";
function userFacing(error: unknown): string {
  const message = (error as { userMessage?: unknown } | null)?.userMessage;
  return typeof message === "string" && message.length > 0 ? message.slice(0, 1000) : UNEXPECTED;
}

/** Takes the run for this delivery, unless it is finished or another delivery holds it. */
async function claim(runId: string): Promise<JobRun | RunOutcome> {
  const [run] = await db
    .update(jobRuns)
    .set({
      status: "running",
      attempts: sql`${jobRuns.attempts} + 1`,
      lockedUntil: sql`now() + make_interval(secs => ${JOB_LEASE_SECONDS})`,
      startedAt: sql`coalesce(${jobRuns.startedAt}, now())`,
    })
    .where(
      and(eq(jobRuns.id, runId), inArray(jobRuns.status, [...ACTIVE]), or(isNull(jobRuns.lockedUntil), lt(jobRuns.lockedUntil, sql`now()`))),
    )
    .returning();
  if (run) return run;
  const [existing] = await db.select({ status: jobRuns.status }).from(jobRuns).where(eq(jobRuns.id, runId));
  if (!existing) return { kind: "skipped", reason: "not_found" };
  return { kind: "skipped", reason: (ACTIVE as readonly string[]).includes(existing.status) ? "busy" : "finished" };
}

async function finish(runId: string, values: Partial<typeof jobRuns.$inferInsert>): Promise<void> {
  await db
    .update(jobRuns)
    .set({ ...values, lockedUntil: null })
    .where(eq(jobRuns.id, runId));
}

/** Parks the run until `resumeAt` and queues its next delivery, atomically. */
async function suspend(run: JobRun, resumeAt: Date, message: string | null): Promise<void> {
  const dispatch: JobDispatch = await db.transaction(async (tx) => {
    await tx.update(jobRuns).set({ status: "waiting", lockedUntil: null, progressMessage: message ?? undefined }).where(eq(jobRuns.id, run.id));
    return enqueueDelivery(tx, run, resumeAt);
  });
  await dispatcher().publish(dispatch);
}

/**
 * Step results are stored inside an object: a bare JSON string that looks like a
 * number ("120210000000000007", a Meta id) would otherwise reach the jsonb column
 * as text, be parsed as a number and come back rounded. Rows written before the
 * wrapper existed are read as they are.
 */
/** Step names may carry a counter or id ("page-12"); the metric groups them by their shape. */
const stepFamily = (name: string) => name.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id").replace(/\d+/g, "#");

const wrapStep = (result: Json): Json => ({ $step: result });
function unwrapStep(stored: unknown): Json {
  return stored !== null && typeof stored === "object" && !Array.isArray(stored) && Object.hasOwn(stored, "$step") ? (stored as { $step: Json }).$step : (stored as Json);
}

/** Lets a job settle its own rows (release a reservation, mark a launch failed) once its run has failed for good. */
async function notifyFailed(job: JobDefinition, payload: unknown, reason: string, runId: string): Promise<void> {
  try {
    await job.onFailed?.(payload, reason);
  } catch (error) {
    logger.error("job onFailed hook failed", { runId, job: job.name, error });
  }
}

/**
 * Executes one delivery of a run: replays finished steps from job_steps, runs the
 * first unfinished one onwards, and records how it ended.
 * `attempt` is the number of earlier failed deliveries (QStash's Upstash-Retried).
 */
export async function executeRun(runId: string, attempt: number): Promise<RunOutcome> {
  const started = performance.now();
  const claimedRun: { kind?: string } = {};
  // Every log line of this delivery carries the run; job steps add their name below.
  const outcome = await withLogContext({ runId, attempt }, () => executeRunOnce(runId, attempt, claimedRun));
  // Only deliveries that claimed their run are counted: a busy or finished run did no work.
  if (claimedRun.kind) {
    metrics.jobDeliveries.inc({ job: claimedRun.kind, outcome: outcome.kind });
    metrics.jobDeliverySeconds.observe({ job: claimedRun.kind }, (performance.now() - started) / 1000);
  }
  return outcome;
}

async function executeRunOnce(runId: string, attempt: number, claimedRun: { kind?: string }): Promise<RunOutcome> {
  const claimed = await claim(runId);
  if (!("id" in claimed)) return claimed;
  const run = claimed;
  claimedRun.kind = run.kind;

  const job = getJob(run.kind);
  if (!job) {
    const reason = `No job is named "${run.kind}"`;
    await finish(run.id, { status: "failed", error: reason, finishedAt: new Date() });
    return { kind: "failed", reason };
  }
  const payload = job.schema.safeParse(run.payload);
  if (!payload.success) {
    const reason = `Invalid payload: ${payload.error.issues.map((issue) => `${issue.path.join(".") || "payload"} ${issue.message}`).join("; ")}`;
    await finish(run.id, { status: "failed", error: reason, finishedAt: new Date() });
    return { kind: "failed", reason };
  }

  const stored = new Map(
    (await db.select({ name: jobSteps.name, result: jobSteps.result }).from(jobSteps).where(eq(jobSteps.runId, run.id))).map((step) => [
      step.name,
      unwrapStep(step.result),
    ]),
  );
  const seen = new Set<string>();
  const once = (name: string) => {
    if (seen.has(name)) throw new PermanentJobError(`Step "${name}" appears twice in job "${run.kind}"; step names must be unique`);
    seen.add(name);
  };
  const record = async (name: string, result: Json, startedAt: Date) => {
    await db.insert(jobSteps).values({ runId: run.id, name, status: "succeeded", result: wrapStep(result), startedAt, finishedAt: new Date() }).onConflictDoNothing();
    stored.set(name, result);
  };

  const context: JobContext<unknown> = {
    payload: payload.data,
    runId: run.id,
    userId: run.userId,
    attempt,
    step: (async (name: string, fn: () => unknown) => {
      once(name);
      if (stored.has(name)) return stored.get(name);
      const startedAt = new Date();
      const result = toJson(await withLogContext({ job: run.kind, step: name }, fn)) as Json;
      metrics.jobStepSeconds.observe({ job: run.kind, step: stepFamily(name) }, (Date.now() - startedAt.getTime()) / 1000);
      await record(name, result, startedAt);
      return result;
    }) as JobContext<unknown>["step"],
    async sleep(name, seconds) {
      const key = `sleep:${name}`;
      once(key);
      const wakeAt = stored.has(key) ? Number((stored.get(key) as { wakeAt: number }).wakeAt) : Date.now() + seconds * 1000;
      if (!stored.has(key)) await record(key, { wakeAt }, new Date());
      if (Date.now() < wakeAt) throw new Suspend(new Date(wakeAt));
    },
    async progress(percent, message) {
      await db
        .update(jobRuns)
        .set({ progress: Math.max(0, Math.min(100, Math.round(percent))), progressMessage: message ?? null })
        .where(eq(jobRuns.id, run.id));
    },
  };

  try {
    const result = toJson(await job.run(context)) as Json;
    await finish(run.id, { status: "succeeded", progress: 100, result, error: null, finishedAt: new Date() });
    return { kind: "succeeded" };
  } catch (error) {
    if (error instanceof Suspend) {
      await suspend(run, error.resumeAt, null);
      return { kind: "suspended", resumeAt: error.resumeAt };
    }
    if (error instanceof RetryLater) {
      const resumeAt = new Date(Date.now() + error.seconds * 1000);
      await suspend(run, resumeAt, error.message);
      return { kind: "suspended", resumeAt };
    }
    if (error instanceof PermanentJobError || error instanceof ZodError) {
      const reason = error instanceof ZodError ? `Invalid data: ${error.issues[0]?.message ?? "validation failed"}` : error.message;
      await finish(run.id, { status: "failed", error: reason, finishedAt: new Date() });
      await notifyFailed(job, payload.data, reason, run.id);
      return { kind: "failed", reason };
    }
    const message = messageOf(error);
    logger.warn("job delivery failed", { runId: run.id, job: run.kind, attempt, error });
    if (attempt >= JOB_MAX_RETRIES) {
      const reason = `Gave up after ${attempt + 1} attempts: ${userFacing(error)}`;
      await finish(run.id, { status: "failed", error: reason, finishedAt: new Date() });
      await notifyFailed(job, payload.data, reason, run.id);
      return { kind: "failed", reason };
    }
    // Back to queued with a readable error; the retried delivery resumes at this step.
    await finish(run.id, { status: "queued", error: userFacing(error) });
    return { kind: "retry", reason: message };
  }
}
