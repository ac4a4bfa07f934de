import "server-only";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { db, type Queryable } from "@/db";
import { jobDispatches, jobRuns, type JobDispatch, type JobRun } from "@/db/schema";
import type { JobDefinition } from "./define-job";
import { dispatcher } from "./dispatch";

export type StartOptions = {
  /** Starting again with the same key returns the existing run. Include the user id when users choose it. */
  idempotencyKey?: string;
  userId?: string | null;
  delaySeconds?: number;
  /** Create the run without queueing a delivery: the caller executes it right away. */
  inline?: boolean;
};

/** Adds a delivery of `run` to the outbox inside the caller's transaction. */
export async function enqueueDelivery(tx: Queryable, run: Pick<JobRun, "id" | "kind">, deliverAt = new Date()): Promise<JobDispatch> {
  const [dispatch] = await tx.insert(jobDispatches).values({ runId: run.id, jobName: run.kind, deliverAt }).returning();
  return dispatch!;
}

/** A run created inside someone else's transaction; call `publish()` after it commits. */
export type PendingStart = { run: JobRun; created: boolean; publish(): Promise<void> };

/**
 * Creates a run (or finds the one with the same idempotency key) and its first
 * delivery inside `tx`, so the run exists exactly when the caller's own rows do
 * (a generation request and its job, say). The delivery is handed over by
 * `publish()` after commit; if that never happens the outbox flush sends it.
 */
export async function startJobIn<Payload, Input>(
  tx: Queryable,
  job: JobDefinition<Payload, unknown, Input>,
  payload: Input,
  options: StartOptions = {},
): Promise<PendingStart> {
  const parsed = job.schema.parse(payload);
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  const deliverAt = new Date(Date.now() + (options.delaySeconds ?? 0) * 1000);

  const [created] = await tx
    .insert(jobRuns)
    .values({ kind: job.name, idempotencyKey, payload: parsed as object, userId: options.userId ?? null })
    .onConflictDoNothing({ target: [jobRuns.kind, jobRuns.idempotencyKey] })
    .returning();
  if (!created) {
    const [existing] = await tx
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.kind, job.name), eq(jobRuns.idempotencyKey, idempotencyKey)));
    return { run: existing!, created: false, publish: async () => {} };
  }
  const dispatch = options.inline ? null : await enqueueDelivery(tx, created, deliverAt);
  return { run: created, created: true, publish: async () => (dispatch ? dispatcher().publish(dispatch) : undefined) };
}

/**
 * Creates a run (or finds the one with the same idempotency key) and, in the same
 * transaction, its first delivery; the delivery is handed over after commit.
 * An invalid payload throws the ZodError to the caller before anything is written.
 */
export async function startJob<Payload, Input>(
  job: JobDefinition<Payload, unknown, Input>,
  payload: Input,
  options: StartOptions = {},
): Promise<{ run: JobRun; created: boolean }> {
  job.schema.parse(payload);
  const pending = await db.transaction((tx) => startJobIn(tx, job, payload, options));
  await pending.publish();
  return { run: pending.run, created: pending.created };
}
