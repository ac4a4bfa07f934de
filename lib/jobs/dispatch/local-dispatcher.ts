import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { db } from "@/db";
import { jobDispatches, type JobDispatch } from "@/db/schema";
import { logger } from "@/lib/observability/logger";
import { qstashSigningKeys } from "@/lib/local-secrets";
import { JOB_LEASE_SECONDS, JOB_MAX_RETRIES, jobUrl } from "../config";
import { signDelivery } from "../signing";
import type { Dispatcher } from "./types";

export type LocalDeliveryOptions = {
  /** Where the executor route is reachable from this process. */
  baseUrl: string;
  pollMs?: number;
  /** Seconds to wait before retry number `attempt` (1-based). */
  backoffSeconds?: (attempt: number) => number;
  fetch?: typeof fetch;
  /**
   * Deliver only these jobs. Tests that share one PostgreSQL database across files
   * set it, so one file's delivery loop never runs another file's pending jobs.
   */
  jobNames?: readonly string[];
};

// QStash-like: 2 s, 4 s, 8 s … capped at 5 minutes.
const defaultBackoff = (attempt: number) => Math.min(300, 2 ** attempt);

/**
 * The embedded default's QStash: delivers pending rows of the outbox as signed
 * HTTP requests to the executor route, retries with backoff and honours delays.
 * Everything it needs is in the job_dispatches table, so a restart loses nothing.
 */
export class LocalDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(private readonly options: LocalDeliveryOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Look for due deliveries now rather than at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Delivers every dispatch due now; resolves when they are all answered. */
  async deliverDue(now = new Date()): Promise<number> {
    const due = await db
      .select()
      .from(jobDispatches)
      .where(
        and(
          eq(jobDispatches.status, "pending"),
          lte(jobDispatches.deliverAt, now),
          this.options.jobNames ? inArray(jobDispatches.jobName, [...this.options.jobNames]) : undefined,
        ),
      )
      .orderBy(asc(jobDispatches.deliverAt))
      .limit(20);
    let delivered = 0;
    for (const dispatch of due) {
      if (await this.deliver(dispatch, now)) delivered++;
    }
    return delivered;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const next = this.again ? 0 : (this.options.pollMs ?? 1000);
        this.again = false;
        this.schedule(next);
      });
    }, ms);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && (await this.deliverDue()) > 0) {
        // Keep going while there is work: a finished step often queues the next delivery.
      }
    } catch (error) {
      logger.error("local job delivery failed", { error });
    }
  }

  private async deliver(dispatch: JobDispatch, now: Date): Promise<boolean> {
    // Claim by pushing deliverAt past the lease: a crash mid-request means redelivery later, never loss.
    const [claimed] = await db
      .update(jobDispatches)
      .set({ deliverAt: new Date(now.getTime() + JOB_LEASE_SECONDS * 1000) })
      .where(and(eq(jobDispatches.id, dispatch.id), eq(jobDispatches.status, "pending"), lte(jobDispatches.deliverAt, now)))
      .returning();
    if (!claimed) return false;

    const url = jobUrl(dispatch.jobName);
    const body = JSON.stringify({ runId: dispatch.runId });
    let failure: string | null = null;
    try {
      const response = await (this.options.fetch ?? fetch)(new URL(`/api/jobs/${dispatch.jobName}`, this.options.baseUrl), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "upstash-signature": signDelivery({ key: qstashSigningKeys().current, url, body }),
          "upstash-message-id": dispatch.id,
          "upstash-retried": String(dispatch.attempts),
        },
        body,
        signal: AbortSignal.timeout(JOB_LEASE_SECONDS * 1000),
      });
      if (!response.ok) failure = `HTTP ${response.status}`;
      await response.body?.cancel();
    } catch (error) {
      failure = error instanceof Error ? error.message : "request failed";
    }

    if (!failure) {
      await db.update(jobDispatches).set({ status: "delivered", attempts: dispatch.attempts + 1, lastError: null }).where(eq(jobDispatches.id, dispatch.id));
      return true;
    }
    const attempts = dispatch.attempts + 1;
    const exhausted = attempts > JOB_MAX_RETRIES;
    const backoff = (this.options.backoffSeconds ?? defaultBackoff)(attempts);
    await db
      .update(jobDispatches)
      .set({
        status: exhausted ? "failed" : "pending",
        attempts,
        lastError: failure.slice(0, 500),
        deliverAt: new Date(Date.now() + backoff * 1000),
      })
      .where(eq(jobDispatches.id, dispatch.id));
    if (exhausted) logger.warn("job delivery gave up", { dispatchId: dispatch.id, job: dispatch.jobName, failure });
    return true;
  }
}

// One delivery loop per process, shared by every bundle that publishes.
const globalCache = globalThis as typeof globalThis & { __adpilotLocalDelivery?: LocalDelivery };

export function localDelivery(): LocalDelivery | undefined {
  return globalCache.__adpilotLocalDelivery;
}

export function setLocalDelivery(delivery: LocalDelivery | undefined): void {
  globalCache.__adpilotLocalDelivery = delivery;
}

/** Publishing locally is committing the outbox row (already done) and waking the loop. */
export class LocalDispatcher implements Dispatcher {
  readonly kind = "local-dispatcher" as const;

  async publish(): Promise<void> {
    localDelivery()?.wake();
  }
}
