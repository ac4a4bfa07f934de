import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { jobRuns, jobSteps, type JobRun } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { dispatcher } from "./dispatch";
import { jobLabel } from "./labels";
import { enqueueDelivery } from "./start-job";

/** What the browser is told about a run: never the payload or step results. */
export type RunView = {
  id: string;
  kind: string;
  label: string;
  status: JobRun["status"];
  progress: number;
  message: string | null;
  error: string | null;
  steps: string[];
  createdAt: string;
  finishedAt: string | null;
};

function toView(run: JobRun, steps: string[]): RunView {
  return {
    id: run.id,
    kind: run.kind,
    label: jobLabel(run.kind),
    status: run.status,
    progress: run.progress,
    message: run.progressMessage,
    error: run.error,
    // Sleeps are an implementation detail, not something the user did.
    steps: steps.filter((name) => !name.startsWith("sleep:")),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The user's run, or null when it does not exist or is someone else's. */
export async function getRunForUser(userId: string, runId: string): Promise<RunView | null> {
  const [run] = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.userId, userId)));
  if (!run) return null;
  const steps = await db.select({ name: jobSteps.name }).from(jobSteps).where(eq(jobSteps.runId, run.id)).orderBy(asc(jobSteps.startedAt));
  return toView(run, steps.map((step) => step.name));
}

export async function listRunsForUser(userId: string, limit = 50): Promise<RunView[]> {
  const runs = await db.select().from(jobRuns).where(eq(jobRuns.userId, userId)).orderBy(desc(jobRuns.createdAt)).limit(limit);
  return runs.map((run) => toView(run, []));
}

export type RetryResult = { ok: true } | { ok: false; error: "not_found" | "not_failed" };

/**
 * Queues a failed run again. Finished steps stay recorded, so it resumes at the
 * step that failed instead of repeating work (or creating anything twice).
 */
export async function retryRunForUser(userId: string, runId: string): Promise<RetryResult> {
  const outcome = await db.transaction(async (tx) => {
    const [run] = await tx
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.id, runId), eq(jobRuns.userId, userId)))
      .for("update");
    if (!run) return { ok: false as const, error: "not_found" as const };
    if (run.status !== "failed") return { ok: false as const, error: "not_failed" as const };
    await tx
      .update(jobRuns)
      .set({ status: "queued", error: null, attempts: 0, finishedAt: null, lockedUntil: null })
      .where(and(eq(jobRuns.id, run.id), inArray(jobRuns.status, ["failed"])));
    await recordAudit(tx, { userId, action: "job.retry", entityType: "job_run", entityId: run.id, before: { status: run.status, error: run.error }, after: { status: "queued" } });
    return { ok: true as const, dispatch: await enqueueDelivery(tx, run) };
  });
  if (!outcome.ok) return outcome;
  await dispatcher().publish(outcome.dispatch);
  return { ok: true };
}
