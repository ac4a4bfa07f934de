import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobDispatches, jobRuns } from "@/db/schema";
import { eventually, serve } from "@/tests/support/serve";
import { alwaysFails, effects, fourSteps } from "@/tests/support/test-jobs";
import { LocalDelivery, setLocalDelivery } from "./dispatch/local-dispatcher";
import { handleDelivery } from "./handle-delivery";
import { startJob } from "./start-job";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  setLocalDelivery(undefined);
});

// Other test files leave pending deliveries in a shared PostgreSQL database; this file's loop only takes its own.
const OWN_JOBS = [fourSteps.name, alwaysFails.name];

/** The executor route, served over real HTTP, with the local dispatcher delivering to it. */
async function startDispatcher(options: { flaky?: number } = {}) {
  let failuresLeft = options.flaky ?? 0;
  const server = await serve(async (request) => {
    if (failuresLeft-- > 0) return new Response("bad gateway", { status: 502 });
    return handleDelivery(request, new URL(request.url).pathname.split("/").pop()!);
  });
  const delivery = new LocalDelivery({ baseUrl: server.url, pollMs: 50, backoffSeconds: () => 0.1, jobNames: OWN_JOBS });
  setLocalDelivery(delivery);
  delivery.start();
  cleanups.push(server.close, () => delivery.stop());
  return delivery;
}

// The run finishes inside the request; the dispatch is marked delivered once the response is back.
const deliveredDispatch = (runId: string) =>
  eventually(async () => (await db.select().from(jobDispatches).where(eq(jobDispatches.runId, runId))).find((d) => d.status === "delivered"));
const statusOf = async (runId: string) => (await db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0]!;
const finished = (runId: string) => eventually(async () => ((s) => (["succeeded", "failed"].includes(s.status) ? s : null))(await statusOf(runId)));

describe("local dispatcher", () => {
  it("delivers a run over HTTP, signed, and it completes", async () => {
    await startDispatcher();
    const { run } = await startJob(fourSteps, {});
    expect(await finished(run.id)).toMatchObject({ status: "succeeded", result: { total: 100 } });
    expect(await deliveredDispatch(run.id)).toMatchObject({ attempts: 1 });
  });

  it("retries a crash mid-run and a failing server with backoff, running each step once", async () => {
    await startDispatcher({ flaky: 2 });
    const { run } = await startJob(fourSteps, { crashAfterStep: 2 });
    expect(await finished(run.id)).toMatchObject({ status: "succeeded" });
    expect(effects.filter((effect) => effect.startsWith(run.id))).toHaveLength(4);
    // Two 502s from the server, one 500 from the crash, then success.
    expect(await deliveredDispatch(run.id)).toMatchObject({ attempts: 4 });
  });

  it("gives up after the last retry and the run says why", async () => {
    await startDispatcher();
    const { run } = await startJob(alwaysFails, { permanent: false });
    expect(await finished(run.id)).toMatchObject({ status: "failed", error: "Gave up after 6 attempts: Meta had a temporary problem." });
  });

  it("keeps a pending delivery across a restart and delivers it when due", async () => {
    // Nothing is running: the run is queued with a delay, as if the server stopped.
    const { run } = await startJob(fourSteps, {}, { delaySeconds: 1 });
    const first = new LocalDelivery({ baseUrl: "http://127.0.0.1:9", pollMs: 50, jobNames: OWN_JOBS });
    expect(await first.deliverDue()).toBe(0);
    await first.stop();

    // A new process starts later: the delivery is still in Postgres and goes out once due.
    const restarted = await startDispatcher();
    expect(await finished(run.id)).toMatchObject({ status: "succeeded" });
    expect(await restarted.deliverDue()).toBe(0);
  });
});
