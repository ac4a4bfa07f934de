import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { startJob } from "@/lib/jobs/start-job";
import { syncableAdAccounts } from "./request-sync";
import { insightsSyncAccount } from "./sync-job";

export { insightsSyncAccount };

/** The 4-hourly schedule: one sync run per connected ad account, keyed by the 4-hour slot so a redelivery starts nothing twice. */
export const insightsSync = defineJob({
  name: "insights.sync",
  schema: z.object({}).passthrough(),
  async run(context) {
    const accounts = await context.step("accounts", async () => (await syncableAdAccounts()).map((account) => ({ id: account.id, userId: account.userId })));
    const slot = await context.step("slot", () => ({ slot: Math.floor(Date.now() / (4 * 3_600_000)) }));
    for (const account of accounts) {
      await startJob(insightsSyncAccount, { adAccountId: account.id, trigger: "schedule" }, { userId: account.userId, idempotencyKey: `${account.id}:schedule:${slot.slot}` });
    }
    return { accounts: accounts.length };
  },
});
