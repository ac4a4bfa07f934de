import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, budgetChanges, campaignAds, campaignAssets, campaigns, jobRuns } from "@/db/schema";
import { SANDBOX, type GraphEmulator } from "@/emulators/meta-graph";
import "@/lib/jobs/catalog";
import { createUser } from "@/tests/support/tenancy";
import { startLaunch } from "../launch/start";
import { adRows, auditActions, campaignRow, connectSam, createCampaign, runUntilDone, startTestGraph, type CampaignSetup } from "../launch/test-fixtures";
import { isLargeBudgetChange } from "./change";
import { duplicateCampaign } from "./duplicate";
import { requestCampaignChange, type ChangeRequest } from "./request-change";

const graph = vi.hoisted(() => ({ url: "" }));
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
afterEach(() => server.emulator.faults.clear());

/** A campaign the user launched, as it stands once the launch finished. */
async function launchedCampaign(setup: CampaignSetup = {}) {
  const user = await createUser();
  const connectionId = await connectSam(user.id, server.emulator);
  const { id } = await createCampaign(user.id, connectionId, setup);
  const start = await startLaunch(user.id, id);
  if (!start?.ok) throw new Error("launch refused");
  expect((await runUntilDone(start.run.id)).at(-1)).toEqual({ kind: "succeeded" });
  return { user, campaign: await campaignRow(id) };
}

/** Requests a change and runs its job to the end. */
async function change(userId: string, campaignId: string, input: unknown) {
  const request = await requestCampaignChange(userId, campaignId, input);
  if (!request?.ok) return { request, outcome: undefined };
  return { request, outcome: (await runUntilDone(request.run.id)).at(-1) };
}

const metaCampaign = async (id: string) => (await server.emulator.store.get("campaigns", id))!;
const metaAdSet = async (id: string) => (await server.emulator.store.get("adSets", id))!;

describe("campaign.update: status", () => {
  it("pause, resume and archive reach Meta, and our row shows what Meta reports", async () => {
    const { user, campaign } = await launchedCampaign();
    expect((await change(user.id, campaign.id, { kind: "pause" })).outcome).toEqual({ kind: "succeeded" });
    expect((await metaCampaign(campaign.metaCampaignId!)).status).toBe("PAUSED");
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "paused", metaStatus: "PAUSED" });

    expect((await change(user.id, campaign.id, { kind: "resume" })).outcome).toEqual({ kind: "succeeded" });
    expect((await metaCampaign(campaign.metaCampaignId!)).status).toBe("ACTIVE");
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "active", metaStatus: "ACTIVE" });

    expect((await change(user.id, campaign.id, { kind: "archive" })).outcome).toEqual({ kind: "succeeded" });
    expect((await metaCampaign(campaign.metaCampaignId!)).status).toBe("ARCHIVED");
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "archived", metaStatus: "ARCHIVED" });
    expect(await auditActions(user.id, "campaign.")).toEqual(expect.arrayContaining(["campaign.pause", "campaign.resume", "campaign.archive"]));

    // Archived is final.
    expect(await requestCampaignChange(user.id, campaign.id, { kind: "resume" })).toMatchObject({ ok: false, error: "archived" });
  });

  it("resuming a campaign launched paused switches its ad set and ads on too", async () => {
    const { user, campaign } = await launchedCampaign({ launchAs: "PAUSED" });
    expect(campaign).toMatchObject({ status: "paused", metaStatus: "PAUSED" });
    expect((await change(user.id, campaign.id, { kind: "resume" })).outcome).toEqual({ kind: "succeeded" });
    expect((await metaAdSet(campaign.metaAdSetId!)).status).toBe("ACTIVE");
    for (const ad of await adRows(campaign.id)) expect((await server.emulator.store.get("ads", ad.metaAdId!))!.status).toBe("ACTIVE");
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "active", metaStatus: "ACTIVE" });
  });
});

describe("campaign.update: budget", () => {
  it("changes the campaign budget on Meta and records it; a 5th change within the hour is refused before calling Meta", async () => {
    const { user, campaign } = await launchedCampaign();
    const amounts = [3000, 3500, 4000, 4500];
    for (const amount of amounts) {
      expect((await change(user.id, campaign.id, { kind: "budget", amount })).outcome).toEqual({ kind: "succeeded" });
    }
    expect((await metaCampaign(campaign.metaCampaignId!)).dailyBudget).toBe(4500);
    expect(await campaignRow(campaign.id)).toMatchObject({ dailyBudget: "45.00", draft: expect.objectContaining({ budget: expect.objectContaining({ amount: 4500 }) }) });
    const recorded = await db.select().from(budgetChanges).where(eq(budgetChanges.campaignId, campaign.id)).orderBy(budgetChanges.createdAt);
    expect(recorded.map((row) => [row.fromAmount, row.toAmount])).toEqual([
      [2500, 3000],
      [3000, 3500],
      [3500, 4000],
      [4000, 4500],
    ]);
    expect(await auditActions(user.id, "campaign.budget")).toHaveLength(4);

    const runsBefore = await db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.userId, user.id));
    const historyBefore = (await metaCampaign(campaign.metaCampaignId!)).budgetHistory?.length;
    const fifth = (await requestCampaignChange(user.id, campaign.id, { kind: "budget", amount: 5000 })) as Extract<ChangeRequest, { ok: false }>;
    expect(fifth).toMatchObject({ ok: false, error: "budget_limit", message: expect.stringMatching(/4 budget changes per hour.*again at \d\d:\d\d UTC/) });
    expect(fifth.nextChangeAt!.getTime()).toBeCloseTo(recorded[0]!.createdAt.getTime() + 3_600_000, -3);
    expect(await db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.userId, user.id))).toHaveLength(runsBefore.length);
    expect((await metaCampaign(campaign.metaCampaignId!)).budgetHistory?.length).toBe(historyBefore);
    expect((await campaignRow(campaign.id)).dailyBudget).toBe("45.00");
  });

  it("counts budget changes still on their way, so four quick requests leave no room for a fifth", async () => {
    const { user, campaign } = await launchedCampaign();
    for (const amount of [2600, 2700, 2800, 2900]) expect(await requestCampaignChange(user.id, campaign.id, { kind: "budget", amount })).toMatchObject({ ok: true });
    expect(await requestCampaignChange(user.id, campaign.id, { kind: "budget", amount: 3000 })).toMatchObject({ ok: false, error: "budget_limit" });
  });

  it("an ad set budget changes on the ad set; Meta's own 613/1487632 becomes a clear failure, not an hour-long wait", async () => {
    const { user, campaign } = await launchedCampaign({ budget: { kind: "daily", amount: 2000, level: "adset" } });
    expect((await change(user.id, campaign.id, { kind: "budget", amount: 2400 })).outcome).toEqual({ kind: "succeeded" });
    expect((await metaAdSet(campaign.metaAdSetId!)).dailyBudget).toBe(2400);
    expect((await metaCampaign(campaign.metaCampaignId!)).dailyBudget).toBeNull();
    expect((await campaignRow(campaign.id)).dailyBudget).toBe("24.00");

    // Someone changed it three more times in Ads Manager: Meta refuses the next change itself.
    for (const amount of [2500, 2600, 2700]) await server.emulator.store.put("budgetChanges", { id: `${campaign.metaAdSetId}-${amount}`, adSetId: campaign.metaAdSetId!, at: new Date().toISOString() });
    const { outcome } = await change(user.id, campaign.id, { kind: "budget", amount: 3000 });
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/too many times in the last hour/) });
    expect((await campaignRow(campaign.id)).dailyBudget).toBe("24.00");
  });

  it("a budget under Meta's minimum fails with Meta's message", async () => {
    const { user, campaign } = await launchedCampaign();
    const { outcome } = await change(user.id, campaign.id, { kind: "budget", amount: 50 });
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringContaining("must be at least $1.00") });
    expect((await campaignRow(campaign.id)).dailyBudget).toBe("25.00");
  });

  it("flags changes of more than 20% either way", () => {
    expect(isLargeBudgetChange(1000, 1200)).toBe(false);
    expect(isLargeBudgetChange(1000, 1201)).toBe(true);
    expect(isLargeBudgetChange(1000, 800)).toBe(false);
    expect(isLargeBudgetChange(1000, 799)).toBe(true);
  });
});

describe("requestCampaignChange: refusals", () => {
  it("another user's campaign is not found, and nothing changes on Meta or in our rows", async () => {
    const { user, campaign } = await launchedCampaign();
    const stranger = await createUser();
    for (const input of [{ kind: "pause" }, { kind: "archive" }, { kind: "budget", amount: 9000 }]) {
      expect(await requestCampaignChange(stranger.id, campaign.id, input)).toBeNull();
    }
    expect(await duplicateCampaign(stranger.id, campaign.id)).toBeNull();
    expect(await db.select().from(jobRuns).where(eq(jobRuns.userId, stranger.id))).toEqual([]);
    expect(await db.select().from(campaigns).where(eq(campaigns.userId, stranger.id))).toEqual([]);
    expect(await campaignRow(campaign.id)).toMatchObject({ status: "active", dailyBudget: "25.00" });
    expect((await metaCampaign(campaign.metaCampaignId!)).status).toBe("ACTIVE");
    expect(await db.select().from(auditLog).where(eq(auditLog.userId, stranger.id))).toEqual([]);
    expect(user.id).not.toBe(stranger.id);
  });

  it("refuses bad input and campaigns that are not on Meta", async () => {
    const { user, campaign } = await launchedCampaign();
    expect(await requestCampaignChange(user.id, campaign.id, { kind: "budget", amount: -5 })).toMatchObject({ ok: false, error: "invalid", message: "The budget must be more than zero." });
    expect(await requestCampaignChange(user.id, campaign.id, { kind: "delete" })).toMatchObject({ ok: false, error: "invalid", message: "Choose pause, resume, archive or a new budget." });
    expect(await requestCampaignChange(user.id, campaign.id, { kind: "budget", amount: 2500 })).toMatchObject({ ok: false, error: "same_budget" });
    const draft = await createCampaign(user.id, campaign.metaAccountId!);
    expect(await requestCampaignChange(user.id, draft.id, { kind: "pause" })).toMatchObject({ ok: false, error: "not_launched" });
  });
});

describe("duplicateCampaign", () => {
  it("copies purpose, audience, promoted setup, budget and ads into a new draft with no Meta ids", async () => {
    const { user, campaign } = await launchedCampaign({ purpose: "retargeting", audience: { customAudienceIds: [SANDBOX.sam.customAudienceId] } });
    const copy = await duplicateCampaign(user.id, campaign.id);
    expect(copy).toEqual({ id: expect.any(String) });
    const row = await campaignRow(copy!.id);
    expect(row).toMatchObject({
      name: "Copy of Spring sale",
      purpose: "retargeting",
      status: "draft",
      launchState: "not_launched",
      metaCampaignId: null,
      metaAdSetId: null,
      metaStatus: null,
      launchMarker: null,
      launchRunId: null,
      dailyBudget: "25.00",
      audience: campaign.audience,
      promoted: campaign.promoted,
      adAccountId: campaign.adAccountId,
    });
    expect(row.draft).toMatchObject({ step: "review", budget: campaign.draft.budget, launchAs: "ACTIVE" });
    const [originalAds, copiedAds] = [await adRows(campaign.id), await adRows(copy!.id)];
    expect(copiedAds.map((ad) => [ad.assetId, ad.headline, ad.primaryText, ad.link, ad.callToAction])).toEqual(
      originalAds.map((ad) => [ad.assetId, ad.headline, ad.primaryText, ad.link, ad.callToAction]),
    );
    expect(copiedAds.every((ad) => !ad.metaImageHash && !ad.metaCreativeId && !ad.metaAdId && ad.userId === user.id)).toBe(true);
    expect(await db.select().from(campaignAds).where(eq(campaignAds.campaignId, campaign.id))).toHaveLength(2);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entityId, copy!.id), eq(auditLog.action, "campaign.duplicate")))).toHaveLength(1);
    expect(await db.select().from(campaignAssets).where(eq(campaignAssets.campaignId, copy!.id))).toEqual([]);
  });
});
