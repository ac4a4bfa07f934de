import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { campaignAds, campaigns, jobRuns, metaAccounts } from "@/db/schema";
import type { GraphEmulator } from "@/emulators/meta-graph";
import "@/lib/jobs/catalog";
import { executeRun } from "@/lib/jobs/execute-run";
import { retryRunForUser } from "@/lib/jobs/runs";
import { kv } from "@/lib/kv";
import { usageKey } from "@/lib/meta/usage-store";
import { createUser } from "@/tests/support/tenancy";
import { resumeLaunch, startLaunch } from "./start";
import { adRows, auditActions, campaignRow, connectSam, createCampaign, runUntilDone, SAM_ACCOUNT, startTestGraph, tagged, type CampaignSetup } from "./test-fixtures";

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

async function launch(setup: CampaignSetup = {}, scopes?: string[]) {
  const user = await createUser();
  const connectionId = await connectSam(user.id, server.emulator, scopes);
  const campaign = await createCampaign(user.id, connectionId, setup);
  const start = await startLaunch(user.id, campaign.id);
  if (!start?.ok) throw new Error("launch refused");
  return { user, connectionId, campaign, runId: start.run.id };
}

const runOf = async (id: string) => (await db.select().from(jobRuns).where(eq(jobRuns.id, id)))[0]!;

/** Resumes after the user fixed things and checks that nothing on Meta was made twice. */
async function resumeAndCheck(userId: string, campaignId: string, expected: { creatives: number; ads: number }) {
  const resumed = await resumeLaunch(userId, campaignId);
  if (!resumed?.ok) throw new Error(`resume refused: ${JSON.stringify(resumed)}`);
  expect((await campaignRow(campaignId)).launchState).toBe("launching");
  expect((await runUntilDone(resumed.run.id)).at(-1)).toEqual({ kind: "succeeded" });
  const row = await campaignRow(campaignId);
  expect(row).toMatchObject({ launchState: "launched", launchError: null, status: "active", metaStatus: "ACTIVE" });
  const onMeta = await tagged(server.emulator, row.launchMarker!);
  expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, expected.creatives, expected.ads]);
  const ads = await adRows(campaignId);
  expect(ads.map((ad) => ad.metaAdId).sort()).toEqual(onMeta.ads.map((ad) => ad.id).sort());
  return resumed.run.id;
}

describe("campaign.launch: Meta refuses the input", () => {
  it.each([
    ["an image upload", /\/adimages$/],
    ["the video upload", /\/advideos$/],
    ["the campaign", /\/campaigns$/],
    ["the ad set", /\/adsets$/],
    ["a creative", /\/adcreatives$/],
    ["an ad", /\/ads$/],
    ["switching on", /^\/v24\.0\/\d+$/],
  ])("at %s: the run fails with Meta's message, the campaign shows it, and resuming finishes without duplicates", async (_label, path) => {
    const userMsg = "Meta could not accept this. Please check the details and try again.";
    server.emulator.faults.add({ kind: "error", code: 100, subcode: 1487390, userTitle: "Invalid", userMsg, method: "POST", path });
    const { user, campaign, runId } = await launch({ ads: [{ kind: "image" }, { kind: "video" }] });

    expect((await runUntilDone(runId)).at(-1)).toEqual({ kind: "failed", reason: userMsg });
    expect(await runOf(runId)).toMatchObject({ status: "failed", error: userMsg });
    expect(await campaignRow(campaign.id)).toMatchObject({ launchState: "failed", launchError: userMsg, status: "draft" });
    expect(await auditActions(user.id, "campaign.launch_failed")).toHaveLength(1);

    const resumedRun = await resumeAndCheck(user.id, campaign.id, { creatives: 2, ads: 2 });
    expect(resumedRun).not.toBe(runId);
    expect(await auditActions(user.id, "meta.campaign.create")).toHaveLength(1);
  });

  it("a link Meta refuses: fixed by the user, the resumed run reuses the campaign, ad set and first ad", async () => {
    const { user, campaign, runId } = await launch({ ads: [{ kind: "image" }, { kind: "image", link: "bakery.example/no-scheme" }] });
    const outcome = (await runUntilDone(runId)).at(-1);
    expect(outcome).toEqual({ kind: "failed", reason: "link_data.link must be a valid URL." });
    const failed = await campaignRow(campaign.id);
    expect(failed).toMatchObject({ launchState: "failed", launchError: "link_data.link must be a valid URL." });
    const before = await adRows(campaign.id);
    expect(before[0]!.metaCreativeId).toBeTruthy();
    expect(before[1]!.metaCreativeId).toBeNull();

    await db.update(campaignAds).set({ link: "https://bakery.example/spring" }).where(eq(campaignAds.id, before[1]!.id));
    await resumeAndCheck(user.id, campaign.id, { creatives: 2, ads: 2 });
    const after = await campaignRow(campaign.id);
    expect([after.metaCampaignId, after.metaAdSetId, after.launchMarker]).toEqual([failed.metaCampaignId, failed.metaAdSetId, failed.launchMarker]);
    expect((await adRows(campaign.id))[0]!.metaCreativeId).toBe(before[0]!.metaCreativeId);
  });

  it("a failed run retried from Settings → Activity shows as launching again and finishes the same launch", async () => {
    const { user, campaign, runId } = await launch({ ads: [{ kind: "image", link: "ftp://bakery.example" }] });
    expect((await runUntilDone(runId)).at(-1)).toMatchObject({ kind: "failed" });
    await db.update(campaignAds).set({ link: "https://bakery.example/spring" }).where(eq(campaignAds.campaignId, campaign.id));
    expect(await retryRunForUser(user.id, runId)).toEqual({ ok: true });
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });
    const row = await campaignRow(campaign.id);
    expect(row).toMatchObject({ launchState: "launched", launchError: null, launchRunId: runId });
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, 1, 1]);
  });

  it("a sales campaign without a pixel: Meta says what is missing at the ad set; adding the pixel and resuming completes", async () => {
    const { user, campaign, runId } = await launch({ promoted: { pageId: "3000000000000001" } });
    const outcome = (await runUntilDone(runId)).at(-1);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringContaining("pixel_id") });
    expect((await campaignRow(campaign.id)).launchError).toContain("pixel_id");

    await db.update(campaigns).set({ promoted: { pageId: "3000000000000001", pixelId: "4000000000000001" } }).where(eq(campaigns.id, campaign.id));
    await resumeAndCheck(user.id, campaign.id, { creatives: 2, ads: 2 });
  });

  it("a read-only connection: Meta's permission error fails the launch with a message about permissions", async () => {
    const { campaign, runId } = await launch({}, ["ads_read"]);
    const outcome = (await runUntilDone(runId)).at(-1);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/permission/i) });
    expect(await campaignRow(campaign.id)).toMatchObject({ launchState: "failed", launchError: expect.stringMatching(/permission/i) });
  });
});

describe("campaign.launch: Meta throttles or the token dies", () => {
  it("17 (account throttled) at the ad set: the run waits, keeps waiting while the account is hot, then completes once", async () => {
    server.emulator.faults.add({ kind: "rateLimit", regainMinutes: 3, method: "POST", path: /\/adsets$/ });
    const { user, campaign, runId } = await launch();
    let outcome = await executeRun(runId, 0);
    expect(outcome).toMatchObject({ kind: "suspended" });
    expect(await runOf(runId)).toMatchObject({ status: "waiting" });
    expect((await campaignRow(campaign.id)).launchState).toBe("launching");

    // Delivered again too early: the pause recorded from Meta's usage headers holds, and Meta is not called.
    outcome = await executeRun(runId, 0);
    expect(outcome).toMatchObject({ kind: "suspended" });
    expect((await runOf(runId)).progressMessage).toMatch(/rate limit/i);

    await kv().delete(usageKey(user.id, SAM_ACCOUNT));
    expect((await runUntilDone(runId)).at(-1)).toEqual({ kind: "succeeded" });
    const row = await campaignRow(campaign.id);
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, 2, 2]);
  });

  it("613 (too many calls) at a creative: the run waits and completes without duplicates", async () => {
    server.emulator.faults.add({ kind: "error", code: 613, subcode: 1487742, message: "(#613) Calls to this api have exceeded the rate limit.", method: "POST", path: /\/adcreatives$/ });
    const { campaign, runId } = await launch();
    const outcomes = await runUntilDone(runId);
    expect(outcomes[0]).toMatchObject({ kind: "suspended" });
    expect(outcomes.at(-1)).toEqual({ kind: "succeeded" });
    const onMeta = await tagged(server.emulator, (await campaignRow(campaign.id)).launchMarker!);
    expect([onMeta.creatives.length, onMeta.ads.length]).toEqual([2, 2]);
  });

  it("190 (token expired) at an ad: the launch fails, and the connection is marked for reconnecting", async () => {
    server.emulator.faults.add({ kind: "tokenExpired", method: "POST", path: /\/ads$/ });
    const { connectionId, campaign, runId } = await launch();
    const outcome = (await runUntilDone(runId)).at(-1);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/reconnect/i) });
    expect(await campaignRow(campaign.id)).toMatchObject({ launchState: "failed", launchError: expect.stringMatching(/reconnect/i) });
    const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.id, connectionId));
    expect(connection).toMatchObject({ status: "reconnect_required" });
  });
});
