import "server-only";
import { and, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { jobDispatches } from "@/db/schema";
import { defineJob } from "../define-job";
import { dispatcher, type Dispatcher } from "../dispatch";

// Younger rows may still be in their first publish, right after their commit.
const GRACE_MS = 30_000;

/** Re-publishes outbox rows whose publish to QStash failed. Dedup ids make a double send harmless. */
export async function flushOutbox(now = new Date(), via: Dispatcher = dispatcher()): Promise<{ republished: number }> {
  const pending = await db
    .select()
    .from(jobDispatches)
    .where(and(eq(jobDispatches.status, "pending"), lte(jobDispatches.createdAt, new Date(now.getTime() - GRACE_MS))))
    .limit(500);
  for (const dispatch of pending) await via.publish(dispatch);
  return { republished: pending.length };
}

export const outboxFlush = defineJob({
  name: "jobs.outbox-flush",
  schema: z.object({}).passthrough(),
  async run(context) {
    // Only QStash has an outbox to flush; locally the dispatcher delivers pending rows itself.
    if (dispatcher().kind !== "qstash") return { republished: 0 };
    return context.step("flush", () => flushOutbox());
  },
});
