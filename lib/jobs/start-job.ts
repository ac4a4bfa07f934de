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
  const parsed = job.schema.parse(payload);
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  const deliverAt = new Date(Date.now() + (options.delaySeconds ?? 0) * 1000);

  const { run, dispatch, created } = await db.transaction(async (tx) => {
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
      return { run: existing!, dispatch: null, created: false };
    }
    return { run: created, dispatch: options.inline ? null : await enqueueDelivery(tx, created, deliverAt), created: true };
  });

  if (dispatch) await dispatcher().publish(dispatch);
  return { run, created };
}
