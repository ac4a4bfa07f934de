import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaigns, type CampaignStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { PermanentJobError } from "@/lib/jobs/errors";
import type { GraphApi } from "@/lib/meta/graph-api";
import { budgetField, campaignBudget } from "./budget";
import { createOnAccount, findTagged, readObject, readObjects, updateObject, type GraphObject, type LaunchEdge } from "./graph";
import { currentAd, currentCampaign, type LaunchAd, type LaunchPlan } from "./load";
import { markedName, markerTag, newLaunchMarker } from "./marker";
import { withAccount, type ReadyVideo } from "./media-steps";
import { metaSpecFor, targetingFor } from "./meta-spec";

/** Created once per campaign and kept: every later delivery and every resumed run finds the same marker. */
export async function ensureMarker(campaignId: string): Promise<string> {
  const [row] = await db
    .update(campaigns)
    .set({ launchMarker: sql`coalesce(${campaigns.launchMarker}, ${newLaunchMarker()})` })
    .where(eq(campaigns.id, campaignId))
    .returning({ launchMarker: campaigns.launchMarker });
  if (!row?.launchMarker) throw new PermanentJobError("This campaign no longer exists.");
  return row.launchMarker;
}

type Made = { id: string; recovered: boolean };

/**
 * The object this launch made under `tag`, or a new one. Looking first is what
 * keeps a crash between "Meta created it" and "we recorded it" from making a
 * second one; `accept` rejects a namesake that does not fit (a stale creative
 * of an ad since changed, an ad set of another campaign).
 */
async function findOrCreate<T extends GraphObject>(
  api: GraphApi,
  plan: LaunchPlan,
  edge: LaunchEdge,
  tag: string,
  lookup: { fields: string[]; accept?: (found: T) => boolean },
  params: Record<string, unknown>,
): Promise<Made> {
  const found = (await findTagged<T>(api, plan.campaign.adAccountId, edge, tag, lookup.fields)).find((item) => lookup.accept?.(item) ?? true);
  if (found) return { id: found.id, recovered: true };
  return { id: await createOnAccount(api, plan.campaign.adAccountId, edge, params), recovered: false };
}

const iso = (date: Date | undefined) => date?.toISOString();

export async function ensureCampaign(plan: LaunchPlan, marker: string): Promise<string> {
  const { campaign } = plan;
  const recorded = await currentCampaign(campaign.id);
  if (recorded.metaCampaignId) return recorded.metaCampaignId;
  const budget = campaignBudget(campaign);
  if (!budget) throw new PermanentJobError("Set a budget for this campaign, then launch again.");
  const spec = metaSpecFor(campaign.purpose, campaign.promoted);
  const name = markedName(campaign.name, marker);
  const params: Record<string, unknown> = { name, objective: spec.objective, status: "PAUSED", special_ad_categories: [], buying_type: "AUCTION" };
  if (budget.level === "campaign") {
    // Advantage campaign budget: Meta spreads it across the ad sets.
    params[budgetField(budget.kind)] = budget.amount;
    params.bid_strategy = "LOWEST_COST_WITHOUT_CAP";
    if (budget.kind === "lifetime") Object.assign(params, { start_time: iso(budget.startTime), stop_time: iso(budget.endTime) });
  } else {
    params.is_adset_budget_sharing_enabled = false;
  }
  const made = await withAccount(plan, (api) => findOrCreate(api, plan, "campaigns", markerTag(marker), { fields: [] }, params));
  await db.transaction(async (tx) => {
    await tx.update(campaigns).set({ metaCampaignId: made.id }).where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, {
      userId: campaign.userId,
      action: "meta.campaign.create",
      entityType: "campaign",
      entityId: campaign.id,
      after: { metaId: made.id, name, objective: spec.objective, recovered: made.recovered },
    });
  });
  return made.id;
}

export async function ensureAdSet(plan: LaunchPlan, marker: string, metaCampaignId: string): Promise<string> {
  const { campaign } = plan;
  const recorded = await currentCampaign(campaign.id);
  if (recorded.metaAdSetId) return recorded.metaAdSetId;
  const budget = campaignBudget(campaign);
  if (!budget) throw new PermanentJobError("Set a budget for this campaign, then launch again.");
  if (!campaign.audience) throw new PermanentJobError("Choose who should see the ads, then launch again.");
  const spec = metaSpecFor(campaign.purpose, campaign.promoted);
  const name = markedName(campaign.name, marker, "adset");
  const params: Record<string, unknown> = {
    name,
    campaign_id: metaCampaignId,
    status: "PAUSED",
    billing_event: spec.billingEvent,
    optimization_goal: spec.optimizationGoal,
    targeting: targetingFor(campaign.audience),
    ...(spec.promotedObject ? { promoted_object: spec.promotedObject } : {}),
    ...(spec.destinationType ? { destination_type: spec.destinationType } : {}),
    ...(budget.startTime ? { start_time: iso(budget.startTime) } : {}),
    ...(budget.endTime ? { end_time: iso(budget.endTime) } : {}),
    ...(budget.level === "adset" ? { [budgetField(budget.kind)]: budget.amount } : {}),
  };
  const made = await withAccount(plan, (api) =>
    findOrCreate<GraphObject & { campaign_id?: string }>(api, plan, "adsets", markerTag(marker, "adset"), { fields: ["campaign_id"], accept: (found) => found.campaign_id === metaCampaignId }, params),
  );
  await db.transaction(async (tx) => {
    await tx.update(campaigns).set({ metaAdSetId: made.id }).where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, {
      userId: campaign.userId,
      action: "meta.ad_set.create",
      entityType: "campaign",
      entityId: campaign.id,
      after: { metaId: made.id, name, optimizationGoal: spec.optimizationGoal, budget: budget.level === "adset" ? budget.amount : null, recovered: made.recovered },
    });
  });
  return made.id;
}

export type AdMedia = { imageHash: string } | ReadyVideo;

type StorySpec = { page_id: string; link_data?: Record<string, unknown>; video_data?: Record<string, unknown> };

function storySpec(plan: LaunchPlan, ad: LaunchAd, media: AdMedia): StorySpec {
  const pageId = plan.campaign.promoted.pageId;
  if (!pageId) throw new PermanentJobError("Choose the Facebook Page the ads run as, then launch again.");
  const callToAction = { type: ad.callToAction, value: { link: ad.link } };
  if ("imageHash" in media) {
    return {
      page_id: pageId,
      link_data: { image_hash: media.imageHash, link: ad.link, message: ad.primaryText, name: ad.headline, ...(ad.description ? { description: ad.description } : {}), call_to_action: callToAction },
    };
  }
  return {
    page_id: pageId,
    video_data: { video_id: media.videoId, image_url: media.thumbnailUrl, title: ad.headline, message: ad.primaryText, ...(ad.description ? { link_description: ad.description } : {}), call_to_action: callToAction },
  };
}

/** What makes two stories the same ad: the Page, the picture or video, where it links and what it says. */
function storyFingerprint(spec: Partial<StorySpec> | undefined): string {
  const body = spec?.link_data ?? spec?.video_data ?? {};
  const cta = body.call_to_action as { value?: { link?: string } } | undefined;
  return JSON.stringify([String(spec?.page_id ?? ""), body.image_hash ?? body.video_id ?? null, body.link ?? cta?.value?.link ?? null, body.message ?? null]);
}

export async function ensureCreative(plan: LaunchPlan, marker: string, ad: LaunchAd, media: AdMedia): Promise<string> {
  const recorded = await currentAd(ad.id);
  if (recorded.metaCreativeId) return recorded.metaCreativeId;
  const spec = storySpec(plan, ad, media);
  const name = markedName(ad.headline, marker, `ad ${ad.number}`);
  const fingerprint = storyFingerprint(spec);
  const made = await withAccount(plan, (api) =>
    findOrCreate<GraphObject & { object_story_spec?: StorySpec }>(
      api,
      plan,
      "adcreatives",
      markerTag(marker, `ad ${ad.number}`),
      { fields: ["object_story_spec"], accept: (found) => storyFingerprint(found.object_story_spec) === fingerprint },
      { name, object_story_spec: spec },
    ),
  );
  await db.transaction(async (tx) => {
    await tx.update(campaignAds).set({ metaCreativeId: made.id }).where(eq(campaignAds.id, ad.id));
    await recordAudit(tx, { userId: plan.campaign.userId, action: "meta.ad_creative.create", entityType: "campaign_ad", entityId: ad.id, after: { metaId: made.id, name, recovered: made.recovered } });
  });
  return made.id;
}

export async function ensureAd(plan: LaunchPlan, marker: string, ad: LaunchAd, adSetId: string, creativeId: string): Promise<string> {
  const recorded = await currentAd(ad.id);
  if (recorded.metaAdId) return recorded.metaAdId;
  const name = markedName(ad.headline, marker, `ad ${ad.number}`);
  const made = await withAccount(plan, (api) =>
    findOrCreate<GraphObject & { adset_id?: string; creative?: { id?: string } }>(
      api,
      plan,
      "ads",
      markerTag(marker, `ad ${ad.number}`),
      { fields: ["adset_id", "creative"], accept: (found) => found.adset_id === adSetId && found.creative?.id === creativeId },
      { name, adset_id: adSetId, creative: { creative_id: creativeId }, status: "PAUSED" },
    ),
  );
  await db.transaction(async (tx) => {
    await tx.update(campaignAds).set({ metaAdId: made.id }).where(eq(campaignAds.id, ad.id));
    await recordAudit(tx, { userId: plan.campaign.userId, action: "meta.ad.create", entityType: "campaign_ad", entityId: ad.id, after: { metaId: made.id, name, adSetId, creativeId, recovered: made.recovered } });
  });
  return made.id;
}

export type LaunchedIds = { campaignId: string; adSetId: string; ads: Array<{ rowId: string; adId: string }> };

/**
 * Switches everything on, children first, so nothing can deliver before every
 * ad is ready. Objects already ACTIVE (a repeated step) are left alone.
 */
export async function activate(plan: LaunchPlan, ids: LaunchedIds): Promise<void> {
  const order: Array<{ metaId: string; type: "ad" | "ad_set" | "campaign"; entityType: string; entityId: string }> = [
    ...ids.ads.map((ad) => ({ metaId: ad.adId, type: "ad" as const, entityType: "campaign_ad", entityId: ad.rowId })),
    { metaId: ids.adSetId, type: "ad_set", entityType: "campaign", entityId: plan.campaign.id },
    { metaId: ids.campaignId, type: "campaign", entityType: "campaign", entityId: plan.campaign.id },
  ];
  await withAccount(plan, async (api) => {
    const current = await readObjects(api, order.map((item) => item.metaId), ["status"]);
    for (const item of order) {
      const before = current[item.metaId]?.status;
      if (before === "ACTIVE") continue;
      await updateObject(api, item.metaId, { status: "ACTIVE" });
      await recordAudit(db, {
        userId: plan.campaign.userId,
        action: `meta.${item.type}.status`,
        entityType: item.entityType,
        entityId: item.entityId,
        before: { metaId: item.metaId, status: before ?? null },
        after: { metaId: item.metaId, status: "ACTIVE" },
      });
    }
  });
}

const OUR_STATUS: Record<string, CampaignStatus> = { ACTIVE: "active", PAUSED: "paused", ARCHIVED: "archived", DELETED: "archived" };

/** Stores what Meta says the campaign is now, and marks the launch done. */
export async function finishLaunch(plan: LaunchPlan, runId: string, metaCampaignId: string): Promise<{ status: CampaignStatus; metaStatus: string }> {
  const read = await withAccount(plan, (api) => readObject(api, metaCampaignId, ["status", "effective_status"]));
  const status = OUR_STATUS[read.status ?? ""] ?? "paused";
  const metaStatus = read.effective_status ?? read.status ?? "UNKNOWN";
  await db.transaction(async (tx) => {
    await tx
      .update(campaigns)
      .set({ status, metaStatus, launchState: "launched", launchError: null })
      .where(and(eq(campaigns.id, plan.campaign.id), eq(campaigns.launchRunId, runId)));
    await recordAudit(tx, { userId: plan.campaign.userId, action: "campaign.launch", entityType: "campaign", entityId: plan.campaign.id, after: { metaCampaignId, status, metaStatus, runId } });
  });
  return { status, metaStatus };
}
