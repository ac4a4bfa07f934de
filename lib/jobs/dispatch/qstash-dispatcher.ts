import "server-only";
import { Client } from "@upstash/qstash";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { jobDispatches, type JobDispatch } from "@/db/schema";
import { logger } from "@/lib/observability/logger";
import { JOB_MAX_RETRIES, jobUrl } from "../config";
import type { Dispatcher } from "./types";

/**
 * Production: publish to QStash with the dispatch id as deduplication id, so the
 * outbox flush re-sending a dispatch whose first publish did reach QStash cannot
 * deliver it twice. A failed publish leaves the row pending for the flush.
 */
export class QStashDispatcher implements Dispatcher {
  readonly kind = "qstash" as const;

  constructor(private readonly client: Client) {}

  async publish(dispatch: JobDispatch): Promise<void> {
    try {
      const delaySeconds = Math.max(0, Math.ceil((dispatch.deliverAt.getTime() - Date.now()) / 1000));
      const response = await this.client.publishJSON({
        url: jobUrl(dispatch.jobName),
        body: { runId: dispatch.runId },
        deduplicationId: dispatch.id,
        retries: JOB_MAX_RETRIES,
        ...(delaySeconds > 0 ? { delay: delaySeconds } : {}),
      });
      await db
        .update(jobDispatches)
        .set({ status: "sent", providerMessageId: response.messageId, attempts: dispatch.attempts + 1, lastError: null })
        .where(eq(jobDispatches.id, dispatch.id));
    } catch (error) {
      logger.warn("job publish failed; left in outbox", { dispatchId: dispatch.id, job: dispatch.jobName, error });
      await db
        .update(jobDispatches)
        .set({ attempts: dispatch.attempts + 1, lastError: error instanceof Error ? error.message.slice(0, 500) : "publish failed" })
        .where(eq(jobDispatches.id, dispatch.id));
    }
  }
}
