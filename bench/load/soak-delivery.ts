import { and, eq, inArray, min } from "drizzle-orm";
import { db } from "@/db";
import { adAccountSyncs, jobDispatches, jobRuns } from "@/db/schema";
import { serveOnLoopback } from "@/emulators/serve-on-loopback";
import { LocalDelivery, setLocalDelivery } from "@/lib/jobs/dispatch/local-dispatcher";
import { handleDelivery } from "@/lib/jobs/handle-delivery";
import type { VirtualClock } from "../support/virtual-clock";

export type DeliveryLog = {
  /** Executor answers by outcome ("succeeded", "suspended", "retry" …) as the dispatcher received them. */
  outcomes: Record<string, number>;
  /** Every rate-limit pause a sync was parked in: its length when it began, and the reason shown to the user. */
  pauses: Array<{ adAccountId: string; seconds: number; reason: string }>;
  /** Deliveries retried by the dispatcher after a 5xx. */
  redeliveries: number;
};

const FINISHED = ["succeeded", "failed", "cancelled"];

/**
 * The embedded default's job machinery, in this process: the executor route's
 * handler served over HTTP, and the local dispatcher delivering the outbox to
 * it, signed. When nothing is in flight and the next delivery is in the future
 * (a rate-limit pause, retry back-off, a report still running), the virtual
 * clock moves to it instead of sleeping. Resolves when every run has finished.
 */
export async function deliverUntilDone(runIds: string[], jobName: string, clock: VirtualClock, timeoutMs: number): Promise<DeliveryLog> {
  const log: DeliveryLog = { outcomes: {}, pauses: [], redeliveries: 0 };
  let inFlight = 0;
  const executor = await serveOnLoopback(
    async (request) => {
      inFlight++;
      try {
        const { runId } = (await request.clone().json()) as { runId: string };
        const response = await handleDelivery(request, new URL(request.url).pathname.split("/").pop()!);
        const outcome = ((await response.clone().json()) as { outcome?: string }).outcome ?? `HTTP ${response.status}`;
        log.outcomes[outcome] = (log.outcomes[outcome] ?? 0) + 1;
        if (Number(request.headers.get("upstash-retried") ?? 0) > 0) log.redeliveries++;
        // A suspended sync that shows "waiting" was paused for Meta's rate limit (a report still running is not).
        const [paused] = await db.select().from(adAccountSyncs).where(and(eq(adAccountSyncs.runId, runId), eq(adAccountSyncs.status, "waiting")));
        if (outcome === "suspended" && paused?.pausedUntil) {
          log.pauses.push({ adAccountId: paused.adAccountId, seconds: Math.round((paused.pausedUntil.getTime() - Date.now()) / 1000), reason: paused.error ?? "" });
        }
        return response;
      } finally {
        inFlight--;
      }
    },
    { name: "job executor", crash: () => new Response("executor crashed", { status: 500 }) },
  );
  const delivery = new LocalDelivery({ baseUrl: executor.url, pollMs: 50, jobNames: [jobName] });
  let delivering = 0;
  const deliverDue = delivery.deliverDue.bind(delivery);
  delivery.deliverDue = async (now) => {
    delivering++;
    try {
      return await deliverDue(now);
    } finally {
      delivering--;
    }
  };
  setLocalDelivery(delivery);
  delivery.start();
  delivery.wake();

  const deadline = performance.now() + timeoutMs;
  try {
    for (let idleTicks = 0; ; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const unfinished = await db.select({ id: jobRuns.id, status: jobRuns.status }).from(jobRuns).where(inArray(jobRuns.id, runIds));
      if (unfinished.every((run) => FINISHED.includes(run.status))) return log;
      if (performance.now() > deadline) throw new Error(`runs still unfinished after ${timeoutMs / 1000} s: ${unfinished.filter((run) => !FINISHED.includes(run.status)).length}`);
      idleTicks = inFlight === 0 && delivering === 0 ? idleTicks + 1 : 0;
      if (idleTicks < 2) continue;
      const [next] = await db
        .select({ at: min(jobDispatches.deliverAt) })
        .from(jobDispatches)
        .where(and(eq(jobDispatches.status, "pending"), inArray(jobDispatches.runId, runIds)));
      if (!next?.at || next.at.getTime() <= Date.now()) continue;
      // Nothing to do until `next.at`: skip the wait.
      clock.advanceTo(next.at.getTime() + 5);
      delivery.wake();
      idleTicks = 0;
    }
  } finally {
    await delivery.stop();
    setLocalDelivery(undefined);
    await executor.close();
  }
}
