import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { campaigns, metaAccounts, metaAdAccounts, performanceAnalytics } from "@/db/schema";
import { SANDBOX } from "@/emulators/meta-graph";
import { encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import "@/lib/jobs/catalog";
import { executeRun, type RunOutcome } from "@/lib/jobs/execute-run";
import { sandboxScope } from "@/lib/meta/config";
import { serve } from "@/tests/support/serve";
import { createUser } from "@/tests/support/tenancy";
import { requestSync } from "@/lib/analytics/sync/request-sync";
import { addDemoHistory } from "./demo-history";
import { handleSandboxRequest } from "./mount";
import { createPostgresGraphStore } from "./postgres-store";

const graph = vi.hoisted(() => ({ base: "" }));
vi.mock("@/lib/meta/config", async (original) => {
  const actual = await original<typeof import("@/lib/meta/config")>();
  // Each user's own sandbox world, served by the app's sandbox handler over real HTTP.
  return { ...actual, metaEndpoints: (userId: string) => ({ graphUrl: `${graph.base}/api/sandbox/graph/${actual.sandboxScope(userId)}`, dialogUrl: graph.base }) };
});

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await serve((request) => handleSandboxRequest(request, new URL(request.url).pathname.split("/")[4]!));
  graph.base = server.url;
});
afterAll(() => server.close());

/** A sandbox connection as the connect flow leaves it: a token the user's sandbox world knows. */
async function connectSandbox(userId: string) {
  const { createGraphEmulator, seedSandbox } = await import("@/emulators/meta-graph");
  const { metaConfig } = await import("@/lib/meta/config");
  const store = createPostgresGraphStore(db, sandboxScope(userId));
  await seedSandbox(store);
  const token = createGraphEmulator({ appId: metaConfig().appId, appSecret: metaConfig().appSecret, baseUrl: "http://unused", store }).issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_management", "ads_read"] });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const id = crypto.randomUUID();
  await db.insert(metaAccounts).values({ id, userId, metaUserId: SANDBOX.sam.userId, accessToken: encryptSecret(token, secretContext("meta_accounts.access_token", id)), sandbox: true, permissions: ["ads_management", "ads_read"] });
  await db.insert(metaAdAccounts).values({ userId, metaAccountId: id, adAccountId: `act_${SANDBOX.sam.adAccountId}`, name: "Sam", currency: "USD", timezone: "America/Los_Angeles", accountStatus: 1, connected: true });
}

/** Delivers the run as the dispatcher would, waiting (at most a second at a time) while the sandbox prepares its report. */
async function deliverUntilDone(runId: string): Promise<RunOutcome> {
  for (let delivery = 0, retries = 0; delivery < 100; delivery++) {
    const outcome = await executeRun(runId, retries);
    if (outcome.kind === "retry") retries++;
    else if (outcome.kind === "suspended") await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(0, outcome.resumeAt.getTime() - Date.now()))));
    else return outcome;
  }
  throw new Error("the sync did not finish");
}

describe("sandbox demo history", () => {
  it("adds campaigns that ran for 60 days, linked to AdPilot, and syncs them into the dashboard's tables once", { timeout: 120_000 }, async () => {
    const user = await createUser();
    expect(await addDemoHistory(user.id)).toEqual({ ok: false, message: "Connect the sandbox Meta account in Settings first." });
    await connectSandbox(user.id);
    // A first sync of the empty account, as a user pressing Sync now would: it back-fills and marks the account done.
    const first = await requestSync(user.id, "manual");
    expect(await deliverUntilDone(first.runIds[0]!)).toEqual({ kind: "succeeded" });

    const outcome = await addDemoHistory(user.id);
    if (!outcome.ok) throw new Error(outcome.message);
    const demo = await db.select().from(campaigns).where(and(eq(campaigns.userId, user.id), like(campaigns.name, "Demo: %")));
    expect(demo.map((campaign) => [campaign.purpose, campaign.launchState, campaign.dailyBudget])).toEqual([
      ["sales", "launched", "30.00"],
      ["sales", "launched", "31.30"],
      ["sales", "launched", "32.60"],
      ["lead_generation", "launched", "33.90"],
    ]);
    // The budgets AdPilot shows are the ones the simulated ad sets have.
    const store = createPostgresGraphStore(db, sandboxScope(user.id));
    for (const campaign of demo) expect((await store.get("adSets", campaign.metaAdSetId!))?.dailyBudget).toBe(Math.round(Number(campaign.dailyBudget) * 100));

    // A new run (not the first one again, though it is the same 5 minutes), back-filling all 60 days.
    expect(outcome.runIds).toHaveLength(1);
    expect(outcome.runIds[0]).not.toBe(first.runIds[0]);
    expect(await deliverUntilDone(outcome.runIds[0]!)).toEqual({ kind: "succeeded" });
    const days = await db.select({ campaignId: performanceAnalytics.campaignId }).from(performanceAnalytics).where(eq(performanceAnalytics.userId, user.id));
    expect(new Set(days.map((day) => day.campaignId))).toEqual(new Set(demo.map((campaign) => campaign.id)));
    expect(days.length).toBeGreaterThanOrEqual(4 * 59);

    expect(await addDemoHistory(user.id)).toEqual({ ok: false, message: "The demo campaigns are already there." });
  });
});
