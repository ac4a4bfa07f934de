import "server-only";
import { z } from "zod";
import {
  activeConnectionIds,
  connectionsDueForRenewal,
  LIFECYCLE_BATCH,
  removeRevokedConnections,
  renewConnections,
  validateConnections,
  type LifecycleReport,
} from "@/lib/meta/token-lifecycle";
import type { JobContext } from "../define-job";
import { defineJob } from "../define-job";

/** One step per batch, so a large user base never outgrows one function invocation and a retry resumes mid-list. */
async function inBatches(context: JobContext<unknown>, ids: string[], name: string, work: (batch: string[]) => Promise<LifecycleReport>) {
  const total: LifecycleReport = { checked: 0, renewed: 0, needsReconnect: 0, failed: 0 };
  for (let start = 0; start < ids.length; start += LIFECYCLE_BATCH) {
    const report = await context.step(`${name}-${start / LIFECYCLE_BATCH}`, () => work(ids.slice(start, start + LIFECYCLE_BATCH)));
    for (const key of Object.keys(total) as Array<keyof LifecycleReport>) total[key] += report[key];
    await context.progress(Math.round(((start + LIFECYCLE_BATCH) / ids.length) * 100), `Checked ${Math.min(ids.length, start + LIFECYCLE_BATCH)} of ${ids.length} connections`);
  }
  return total;
}

export const metaTokenCheck = defineJob({
  name: "meta.token-check",
  schema: z.object({}).passthrough(),
  async run(context) {
    const ids = await context.step("due", () => connectionsDueForRenewal());
    return inBatches(context, ids, "renew", (batch) => renewConnections(batch));
  },
});

export const metaTokenRefresh = defineJob({
  name: "meta.token-refresh",
  schema: z.object({}).passthrough(),
  async run(context) {
    const ids = await context.step("active", () => activeConnectionIds());
    const report = await inBatches(context, ids, "validate", (batch) => validateConnections(batch));
    const removed = await context.step("remove-revoked", () => removeRevokedConnections());
    return { ...report, removed };
  },
});
