import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { jobRuns, jobSteps } from "@/db/schema";
import { SANDBOX, type GraphEmulator } from "@/emulators/meta-graph";
import "@/lib/jobs/catalog";
import { createUser } from "@/tests/support/tenancy";
import { resumeLaunch, startLaunch } from "./start";
import { adRows, auditActions, campaignRow, connectSam, createCampaign, runUntilDone, startTestGraph, tagged } from "./test-fixtures";

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

const WITH_VIDEO = [{ kind: "image" as const }, { kind: "image" as const }, { kind: "video" as const }];
/** marker, 2 images, 1 video + its processing, campaign, ad set, 3 creatives, 3 ads, switch-on, finish. */
const STEPS_WITH_VIDEO = 15;

async function launched(setup: Parameters<typeof createCampaign>[2] = {}) {
  const user = await createUser();
  const connectionId = await connectSam(user.id, server.emulator);
  const campaign = await createCampaign(user.id, connectionId, setup);
  return { user, connectionId, campaign };
}

describe("campaign.launch", () => {
  it("puts two images and a video on Meta: one campaign, ad set, creative and ad each, ids and audit on our rows", async () => {
    const { user, campaign } = await launched({ ads: WITH_VIDEO });
    const start = await startLaunch(user.id, campaign.id);
    expect(start).toMatchObject({ ok: true });
    if (!start?.ok) throw new Error("launch refused");
    expect((await campaignRow(campaign.id)).launchState).toBe("launching");

    const outcomes = await runUntilDone(start.run.id);
    expect(outcomes.at(-1)).toEqual({ kind: "succeeded" });
    // Meta processes the video for a while: the run waits instead of holding a function open.
    expect(outcomes.filter((outcome) => outcome.kind === "suspended").length).toBeGreaterThanOrEqual(1);

    const row = await campaignRow(campaign.id);
    expect(row).toMatchObject({ status: "active", launchState: "launched", metaStatus: "ACTIVE", launchError: null });
    expect(row.launchMarker).toMatch(/^ap-[0-9a-f]{8}$/);
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, 3, 3]);

    const [metaCampaign] = onMeta.campaigns;
    expect(metaCampaign).toMatchObject({ id: row.metaCampaignId, name: `Spring sale [${row.launchMarker}]`, objective: "OUTCOME_SALES", status: "ACTIVE", dailyBudget: 2500 });
    const [adSet] = onMeta.adSets;
    expect(adSet).toMatchObject({
      id: row.metaAdSetId,
      campaignId: row.metaCampaignId,
      name: `Spring sale [${row.launchMarker} adset]`,
      status: "ACTIVE",
      dailyBudget: null,
      optimizationGoal: "OFFSITE_CONVERSIONS",
      billingEvent: "IMPRESSIONS",
      promotedObject: { pixel_id: SANDBOX.sam.pixelId, custom_event_type: "PURCHASE" },
      targeting: {
        geo_locations: { countries: ["US"] },
        age_min: 25,
        age_max: 54,
        publisher_platforms: ["facebook", "instagram"],
        facebook_positions: ["feed"],
        instagram_positions: ["stream"],
        targeting_automation: { advantage_audience: 0 },
      },
    });

    const ads = await adRows(campaign.id);
    for (const [index, ad] of ads.entries()) {
      const creative = onMeta.creatives.find((item) => item.id === ad.metaCreativeId)!;
      expect(creative.name).toBe(`Bake day ${index + 1} [${row.launchMarker} ad ${index + 1}]`);
      const cta = { type: "SHOP_NOW", value: { link: "https://bakery.example/spring" } };
      if (index < 2) {
        expect(ad.metaImageHash).toMatch(/^[0-9a-f]{32}$/);
        expect(creative.objectStorySpec).toEqual({
          page_id: SANDBOX.sam.pageId,
          link_data: { image_hash: ad.metaImageHash, link: "https://bakery.example/spring", message: ad.primaryText, name: ad.headline, description: ad.description, call_to_action: cta },
        });
      } else {
        expect(ad.metaVideoId).toBeTruthy();
        expect(creative.objectStorySpec).toMatchObject({ page_id: SANDBOX.sam.pageId, video_data: { video_id: ad.metaVideoId, title: ad.headline, message: ad.primaryText, call_to_action: cta } });
        expect((creative.objectStorySpec as { video_data: { image_url: string } }).video_data.image_url).toMatch(/^http/);
      }
      const metaAd = onMeta.ads.find((item) => item.id === ad.metaAdId)!;
      expect(metaAd).toMatchObject({ adSetId: row.metaAdSetId, creativeId: ad.metaCreativeId, status: "ACTIVE" });
    }
    // Two images with different bytes: two hashes.
    expect(new Set(ads.slice(0, 2).map((ad) => ad.metaImageHash)).size).toBe(2);

    expect(await auditActions(user.id, "meta.")).toEqual(
      [
        "meta.ad_image.upload",
        "meta.ad_image.upload",
        "meta.ad_video.upload",
        "meta.campaign.create",
        "meta.ad_set.create",
        ...Array(3).fill("meta.ad_creative.create"),
        ...Array(3).fill("meta.ad.create"),
        ...Array(3).fill("meta.ad.status"),
        "meta.ad_set.status",
        "meta.campaign.status",
      ].sort(),
    );
    expect(await auditActions(user.id, "campaign.")).toEqual(["campaign.launch", "campaign.launch_start"]);
    const steps = await db.select({ name: jobSteps.name }).from(jobSteps).where(eq(jobSteps.runId, start.run.id));
    expect(steps.filter((step) => !step.name.startsWith("sleep:"))).toHaveLength(STEPS_WITH_VIDEO);
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, start.run.id));
    expect(run).toMatchObject({ status: "succeeded", progress: 100, progressMessage: "Your campaign is live on Meta" });

    // Launched is launched; and someone else's campaign does not exist for them.
    expect(await startLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "already_launched" });
    expect(await resumeLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "already_launched" });
    const stranger = await createUser();
    expect(await startLaunch(stranger.id, campaign.id)).toBeNull();
    expect(await resumeLaunch(stranger.id, campaign.id)).toBeNull();
  });

  it("launches paused with a lifetime budget on the ad set, and refuses a second start while launching", async () => {
    const startTime = new Date(Date.now() + 86_400_000).toISOString();
    const endTime = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const { user, campaign } = await launched({ launchAs: "PAUSED", budget: { kind: "lifetime", amount: 50_000, level: "adset", startTime, endTime } });
    const start = await startLaunch(user.id, campaign.id);
    if (!start?.ok) throw new Error("launch refused");
    expect(await startLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "already_launching" });
    expect(await resumeLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "already_launching" });

    expect((await runUntilDone(start.run.id)).at(-1)).toEqual({ kind: "succeeded" });
    const row = await campaignRow(campaign.id);
    expect(row).toMatchObject({ status: "paused", launchState: "launched", metaStatus: "PAUSED" });
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect(onMeta.campaigns[0]).toMatchObject({ status: "PAUSED", dailyBudget: null, lifetimeBudget: null, isAdsetBudgetSharingEnabled: false });
    expect(onMeta.adSets[0]).toMatchObject({ status: "PAUSED", lifetimeBudget: 50_000, startTime, endTime });
    expect(onMeta.ads.map((ad) => ad.status)).toEqual(["PAUSED", "PAUSED"]);
    expect(await auditActions(user.id, "meta.campaign.status")).toEqual([]);
  });

  it("refuses a campaign that is missing its ads, or that points at another user's Meta connection", async () => {
    const { user, campaign } = await launched({ ads: [] });
    expect(await startLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "incomplete" });
    expect(await resumeLaunch(user.id, campaign.id)).toMatchObject({ ok: false, error: "not_started" });
    expect((await campaignRow(campaign.id)).launchState).toBe("not_launched");

    const other = await launched();
    const mine = await createCampaign(user.id, other.connectionId);
    expect(await startLaunch(user.id, mine.id)).toMatchObject({ ok: false, error: "incomplete" });
    expect((await campaignRow(mine.id)).launchState).toBe("not_launched");
  });
});
