import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { campaigns, jobRuns } from "@/db/schema";
import "@/lib/jobs/catalog";
import { executeRun } from "@/lib/jobs/execute-run";
import { startJob } from "@/lib/jobs/start-job";
import { createUser } from "@/tests/support/tenancy";
import { optimizerDaily } from "./jobs";

async function liveCampaign(userId: string, optimizerMode: "off" | "recommend" | "autopilot") {
  await db.insert(campaigns).values({ userId, name: "Live", purpose: "sales", status: "active", metaCampaignId: String(Math.random()).slice(2), launchState: "launched", optimizerMode });
}

const runsOf = (userId: string) => db.select({ payload: jobRuns.payload }).from(jobRuns).where(and(eq(jobRuns.userId, userId), eq(jobRuns.kind, "optimizer.user")));

describe("the daily optimizer schedule", () => {
  it("starts one run per user with a live campaign the optimizer may look at, once a day", async () => {
    const [on, off] = [await createUser(), await createUser()];
    await liveCampaign(on.id, "recommend");
    await liveCampaign(on.id, "autopilot");
    await liveCampaign(off.id, "off");
    for (const tick of ["a", "b"]) {
      const { run } = await startJob(optimizerDaily, {}, { idempotencyKey: `tick-${tick}-${on.id}` });
      expect((await executeRun(run.id, 0)).kind).toBe("succeeded");
    }
    const runs = await runsOf(on.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.payload).toEqual({ userId: on.id, day: new Date().toISOString().slice(0, 10) });
    expect(await runsOf(off.id)).toHaveLength(0);
  });
});
