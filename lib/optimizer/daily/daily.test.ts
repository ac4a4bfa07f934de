import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, budgetChanges, campaigns, metaAdAccounts, optimizerRecommendations, performanceAnalytics } from "@/db/schema";
import type { GraphEmulator } from "@/emulators/meta-graph";
import { addDays, localDate } from "@/lib/analytics/sync/window";
import { connectSam, createCampaign, runUntilDone, SAM_ACCOUNT, startTestGraph } from "@/lib/campaigns/launch/test-fixtures";
import { startLaunch } from "@/lib/campaigns/launch/start";
import "@/lib/jobs/catalog";
import { startJob } from "@/lib/jobs/start-job";
import { createUser } from "@/tests/support/tenancy";
import { applyRecommendation, dismissRecommendation, rollBackRecommendation } from "./apply";
import { optimizerWeek } from "@/lib/reports/optimizer-week";
import { weekStarting } from "@/lib/reports/week";
import { optimizerUser } from "./jobs";

/** The Monday on or before a UTC date. */
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

const graph = vi.hoisted(() => ({ url: "" }));
/** When set, the nth budget change the optimizer requests throws, as a crash between two changes would. */
const crash = vi.hoisted(() => ({ onCall: 0, calls: 0 }));
vi.mock("@/lib/campaigns/manage/request-change", async (original) => {
  const actual = await original<typeof import("@/lib/campaigns/manage/request-change")>();
  return {
    ...actual,
    requestCampaignChange: async (...args: Parameters<typeof actual.requestCampaignChange>) => {
      crash.calls++;
      if (crash.onCall && crash.calls === crash.onCall) throw new Error("connection reset");
      return actual.requestCampaignChange(...args);
    },
  };
});
vi.mock("@/lib/meta/config", async (original) => ({
  ...(await original<typeof import("@/lib/meta/config")>()),
  metaEndpoints: () => ({ graphUrl: graph.url, dialogUrl: graph.url }),
}));

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
beforeAll(async () => {
  server = await startTestGraph();
  graph.url = server.url;
});
afterAll(async () => server?.close());

const TODAY = localDate(new Date(), "America/Los_Angeles");

/**
 * Two sales campaigns launched on the emulator at $25.00/day each, with 30 days
 * of history: "Winner" returns 16× its spend, "Laggard" 1.6×.
 */
async function twoCampaigns(tier: "starter" | "business" = "business", mode: "recommend" | "autopilot" = "recommend") {
  const user = await createUser({ subscriptionTier: tier });
  const connectionId = await connectSam(user.id, server.emulator);
  await db.insert(metaAdAccounts).values({ userId: user.id, metaAccountId: connectionId, adAccountId: SAM_ACCOUNT, name: "Sam", currency: "USD", timezone: "America/Los_Angeles", accountStatus: 1, connected: true });
  const ids: Record<string, string> = {};
  for (const [name, conversions, value] of [["Winner", 6, "400.00"], ["Laggard", 1, "40.00"]] as const) {
    const { id } = await createCampaign(user.id, connectionId, { name, ads: [{ kind: "image" }] });
    const start = await startLaunch(user.id, id);
    if (!start?.ok) throw new Error("launch refused");
    expect((await runUntilDone(start.run.id)).at(-1)).toEqual({ kind: "succeeded" });
    await db.update(campaigns).set({ optimizerMode: mode }).where(eq(campaigns.id, id));
    await db.insert(performanceAnalytics).values(
      Array.from({ length: 30 }, (_, index) => ({
        userId: user.id,
        campaignId: id,
        date: addDays(TODAY, -30 + index),
        impressions: 5000,
        reach: 4000,
        clicks: 120,
        spend: "25.00",
        conversions,
        conversionValue: value,
      })),
    );
    ids[name] = id;
  }
  return { user, winner: ids.Winner!, laggard: ids.Laggard! };
}

async function metaBudget(campaignId: string): Promise<number | null> {
  const [row] = await db.select({ metaCampaignId: campaigns.metaCampaignId }).from(campaigns).where(eq(campaigns.id, campaignId));
  return (await server.emulator.store.get("campaigns", row!.metaCampaignId!))?.dailyBudget ?? null;
}

async function runOptimizer(userId: string) {
  const { run } = await startJob(optimizerUser, { userId, day: TODAY }, { userId, idempotencyKey: `${userId}:${TODAY}:${Math.random()}` });
  expect((await runUntilDone(run.id)).at(-1)).toEqual({ kind: "succeeded" });
  return db.select().from(optimizerRecommendations).where(and(eq(optimizerRecommendations.userId, userId), eq(optimizerRecommendations.kind, "budget")));
}

/** Runs the campaign.update jobs a recommendation started. */
async function finishChanges(runIds: Array<string | undefined>) {
  for (const runId of runIds) if (runId) expect((await runUntilDone(runId)).at(-1)).toEqual({ kind: "succeeded" });
}

describe("daily budget optimizer in the product", () => {
  it("recommends a move, applies it on Meta with one click, and rolls it back to the previous budgets", { timeout: 60_000 }, async () => {
    const { user, winner, laggard } = await twoCampaigns();
    const [recommendation, ...others] = await runOptimizer(user.id);
    expect(others).toHaveLength(0);
    expect(recommendation).toMatchObject({ status: "open", mode: "recommend", currency: "USD" });
    const moves = Object.fromEntries(recommendation!.changes.map((move) => [move.campaignId, move]));
    // The total stays $50.00; the winner gains at most 20% ($5.00) from the laggard.
    expect(moves[winner]!.to + moves[laggard]!.to).toBe(5000);
    expect(moves[winner]!.to).toBeGreaterThan(2500);
    expect(moves[winner]!.to).toBeLessThanOrEqual(3000);
    expect(recommendation!.explanation).toMatch(/^Move \$[\d.]+ a day from “Laggard” to “Winner”: “Winner” returned [\d.]+ for every 1\.00 spent over the last 14 days, \d+% more than your average/);
    expect(recommendation!.expected!.after).toBeGreaterThan(recommendation!.expected!.before);
    // Recommend mode changes nothing on Meta by itself, and a second run the same day adds nothing.
    expect([await metaBudget(winner), await metaBudget(laggard)]).toEqual([2500, 2500]);
    expect(await runOptimizer(user.id)).toHaveLength(1);

    const applied = await applyRecommendation(user.id, recommendation!.id, "user");
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.recommendation.status).toBe("applied");
    // Undo waits until the changes have reached Meta.
    expect(await rollBackRecommendation(user.id, recommendation!.id)).toEqual({ ok: false, message: "The change is still on its way to Meta. Undo it once it has arrived." });
    await finishChanges(applied.recommendation.changes.map((move) => move.runId));
    expect([await metaBudget(winner), await metaBudget(laggard)]).toEqual([moves[winner]!.to, moves[laggard]!.to]);
    const recorded = await db.select().from(budgetChanges).where(eq(budgetChanges.userId, user.id));
    expect(recorded.map((change) => change.source)).toEqual(["optimizer", "optimizer"]);
    // A second click finds nothing open: the budgets are not moved twice.
    expect(await applyRecommendation(user.id, recommendation!.id, "user")).toEqual({ ok: false, message: "This recommendation is no longer open." });

    // The weekly report's line: one move applied this week, expected to add sales value.
    const thisWeek = weekStarting(mondayOf(new Date().toISOString().slice(0, 10)));
    const week = await optimizerWeek(user.id, thisWeek);
    expect(week.summary).toMatchObject({ applied: 1, byAutopilot: 0, rolledBack: 0, estimatedGain: [{ currency: "USD", metric: "value", perDay: expect.any(Number) }] });
    expect(week.summary.estimatedGain[0]!.perDay).toBeGreaterThan(0);

    const rolledBack = await rollBackRecommendation(user.id, recommendation!.id);
    if (!rolledBack.ok) throw new Error(rolledBack.message);
    await finishChanges(rolledBack.recommendation.changes.map((move) => move.rollbackRunId));
    expect([await metaBudget(winner), await metaBudget(laggard)]).toEqual([2500, 2500]);
    // Undone: it gained nothing.
    expect((await optimizerWeek(user.id, thisWeek)).summary).toMatchObject({ applied: 1, rolledBack: 1, estimatedGain: [] });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.userId, user.id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["optimizer.applied", "optimizer.rolled_back", "optimizer.budget"]));
  });

  it("applies by itself on autopilot, but only on plans that include autopilot", { timeout: 60_000 }, async () => {
    const onPlan = await twoCampaigns("business", "autopilot");
    const [auto] = await runOptimizer(onPlan.user.id);
    expect(auto).toMatchObject({ mode: "autopilot", status: "applied", appliedBy: "autopilot" });
    await finishChanges(auto!.changes.map((move) => move.runId));
    expect(await metaBudget(onPlan.winner)).toBeGreaterThan(2500);

    const starter = await twoCampaigns("starter", "autopilot");
    const [held] = await runOptimizer(starter.user.id);
    expect(held).toMatchObject({ mode: "recommend", status: "open" });
    expect([await metaBudget(starter.winner), await metaBudget(starter.laggard)]).toEqual([2500, 2500]);
  });

  it("refuses advice made for budgets that have changed since, and another user's recommendation", { timeout: 60_000 }, async () => {
    const { user, winner } = await twoCampaigns();
    const [recommendation] = await runOptimizer(user.id);
    const other = await createUser();
    expect(await applyRecommendation(other.id, recommendation!.id, "user")).toMatchObject({ ok: false });
    expect(await dismissRecommendation(other.id, recommendation!.id)).toBe(false);

    await db.update(campaigns).set({ dailyBudget: "31.00" }).where(eq(campaigns.id, winner));
    const refused = await applyRecommendation(user.id, recommendation!.id, "user");
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/no longer has the budget/) });
    expect((await db.select().from(budgetChanges).where(eq(budgetChanges.userId, user.id)))).toHaveLength(0);
    // Failed advice can be put away.
    expect(await dismissRecommendation(user.id, recommendation!.id)).toBe(true);
  });

  it("a crash between two changes leaves advice that a retry finishes without repeating the first change", { timeout: 60_000 }, async () => {
    const { user, winner, laggard } = await twoCampaigns();
    const [recommendation] = await runOptimizer(user.id);
    crash.calls = 0;
    crash.onCall = 2;
    const first = await applyRecommendation(user.id, recommendation!.id, "user");
    crash.onCall = 0;
    // The first change (the cut) was started and recorded; the second was not.
    if (!first.ok) throw new Error(first.message);
    expect(first.recommendation.status).toBe("failed");
    expect(first.recommendation.changes.filter((move) => move.runId)).toHaveLength(1);
    const again = await applyRecommendation(user.id, recommendation!.id, "user");
    if (!again.ok) throw new Error(again.message);
    expect(again.recommendation.status).toBe("applied");
    const runIds = again.recommendation.changes.map((move) => move.runId);
    expect(new Set(runIds).size).toBe(2);
    const started = first.recommendation.changes.find((move) => move.runId)!;
    expect(again.recommendation.changes.find((move) => move.campaignId === started.campaignId)!.runId).toBe(started.runId);
    await finishChanges(runIds);
    const moves = Object.fromEntries(again.recommendation.changes.map((move) => [move.campaignId, move.to]));
    expect([await metaBudget(winner), await metaBudget(laggard)]).toEqual([moves[winner], moves[laggard]]);
    expect(await db.select().from(budgetChanges).where(eq(budgetChanges.userId, user.id))).toHaveLength(2);
  });
});
