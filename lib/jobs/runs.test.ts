import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { retryJobRunAction } from "@/app/(app)/settings/activity/actions";
import { GET } from "@/app/api/job-runs/[id]/route";
import { db } from "@/db";
import { auditLog, jobDispatches, jobRuns } from "@/db/schema";
import { actAs, createTenants } from "@/tests/support/tenancy";
import { alwaysFails, fourSteps } from "@/tests/support/test-jobs";
import { executeRun } from "./execute-run";
import { listRunsForUser } from "./runs";
import { startJob } from "./start-job";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const getRun = (id: string) => GET(new Request(`http://localhost/api/job-runs/${id}`), { params: Promise.resolve({ id }) });

describe("job runs are visible and retryable by their owner only", () => {
  it("GET /api/job-runs/[id]: the owner sees progress, anyone else a 404", async () => {
    const { alice, bob } = await createTenants();
    const { run } = await startJob(fourSteps, {}, { userId: alice.id });
    await executeRun(run.id, 0);

    actAs(alice);
    const mine = await getRun(run.id);
    expect(mine.status).toBe(200);
    const view = await mine.json();
    expect(view).toMatchObject({ id: run.id, status: "succeeded", progress: 100, steps: ["step-1", "step-2", "step-3", "step-4"] });
    expect(view).not.toHaveProperty("payload");

    actAs(bob);
    const theirs = await getRun(run.id);
    expect(theirs.status).toBe(404);
    expect((await getRun("not-a-uuid")).status).toBe(404);
    actAs(null);
    expect((await getRun(run.id)).status).toBe(401);
  });

  it("the Activity list shows only the user's own runs", async () => {
    const { alice, bob } = await createTenants();
    await startJob(fourSteps, {}, { userId: alice.id });
    expect(await listRunsForUser(bob.id)).toEqual([]);
    expect((await listRunsForUser(alice.id)).map((run) => run.label)).toEqual(["test.four-steps"]);
  });

  it("retry: someone else's run is not found and stays failed; the owner's resumes", async () => {
    const { alice, bob } = await createTenants();
    const { run } = await startJob(alwaysFails, { permanent: true }, { userId: alice.id });
    await executeRun(run.id, 0);

    actAs(bob);
    expect(await retryJobRunAction(run.id)).toEqual({ ok: false, message: "That job was not found." });
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]!.status).toBe("failed");

    actAs(alice);
    expect(await retryJobRunAction(run.id)).toEqual({ ok: true, message: "Retrying. It picks up where it stopped." });
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, run.id)))[0]).toMatchObject({ status: "queued", error: null, attempts: 0 });
    expect(await db.select().from(jobDispatches).where(eq(jobDispatches.runId, run.id))).toHaveLength(2);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, run.id))).toEqual([
      expect.objectContaining({ action: "job.retry", userId: alice.id }),
    ]);

    expect(await retryJobRunAction(run.id)).toEqual({ ok: false, message: "Only a failed job can be retried." });
    expect(await retryJobRunAction("'; drop table job_runs; --")).toEqual({ ok: false, message: "That job was not found." });
    actAs(null);
    expect(await retryJobRunAction(run.id)).toEqual({ ok: false, message: "Sign in to continue." });
  });
});
