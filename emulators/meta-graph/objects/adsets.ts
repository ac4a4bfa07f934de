import { graphTime, parseGraphTime, type CallContext } from "../context";
import { GraphError, invalidAdsParam, invalidParam, requiredParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, AdSetRecord, CampaignRecord } from "../types";
import {
  BID_STRATEGIES,
  BILLING_EVENTS,
  CUSTOM_EVENT_TYPES,
  DESTINATION_TYPES,
  checkEnum,
  checkGoalFitsObjective,
  checkPromotedObject,
  checkStatus,
} from "../validation";
import { checkBudgets } from "./campaigns";
import { asRecord, effectiveStatus, initialBudgetHistory, initialStatusHistory, money, newestFirst, nowIso, statusExclusion, withBudget, withStatus } from "./common";

/** Meta lets an ad set's budget change at most this often per hour. */
const BUDGET_CHANGES_PER_HOUR = 4;

export const adSetView: NodeView<AdSetRecord> = {
  typeName: "AdSet",
  defaultFields: ["id", "name"],
  async render(ctx, adSet) {
    const campaign = await ctx.store.get("campaigns", adSet.campaignId);
    return {
      id: adSet.id,
      account_id: adSet.accountId,
      campaign_id: adSet.campaignId,
      campaign: { id: adSet.campaignId },
      name: adSet.name,
      status: adSet.status,
      configured_status: adSet.status,
      effective_status: effectiveStatus(adSet.status, { campaign: campaign?.status }),
      daily_budget: money(adSet.dailyBudget),
      lifetime_budget: money(adSet.lifetimeBudget),
      budget_remaining: money(adSet.dailyBudget ?? adSet.lifetimeBudget ?? 0),
      billing_event: adSet.billingEvent,
      optimization_goal: adSet.optimizationGoal,
      // bid_amount is the one money field Graph returns as a number.
      bid_amount: adSet.bidAmount ?? undefined,
      bid_strategy: adSet.bidStrategy ?? campaign?.bidStrategy ?? undefined,
      bid_constraints: adSet.bidConstraints ?? undefined,
      targeting: adSet.targeting,
      promoted_object: adSet.promotedObject ?? undefined,
      destination_type: adSet.destinationType ?? undefined,
      start_time: graphTime(adSet.startTime),
      end_time: graphTime(adSet.endTime),
      created_time: graphTime(adSet.createdTime),
      updated_time: graphTime(adSet.updatedTime),
    };
  },
};

export async function listAdSets(ctx: CallContext, where: { accountId: string } | { campaignId: string }) {
  return listEdge(ctx, newestFirst(await ctx.store.list("adSets", where)), adSetView, { exclude: statusExclusion(ctx) });
}

async function campaignInAccount(ctx: CallContext, account: AdAccountRecord, id: string | undefined): Promise<CampaignRecord> {
  if (!id) throw requiredParam("campaign_id");
  const campaign = await ctx.store.get("campaigns", id);
  if (!campaign || campaign.accountId !== account.id || campaign.status === "DELETED") {
    throw invalidParam(`Param campaign_id must be a campaign in act_${account.id}; ${id} is not`);
  }
  return campaign;
}

/** promoted_object ids must be the account's (pixel) or the user's (page, app). */
async function checkPromotedIds(ctx: CallContext, account: AdAccountRecord, promoted: Record<string, unknown> | undefined): Promise<void> {
  if (!promoted) return;
  const pixelId = promoted.pixel_id === undefined ? undefined : String(promoted.pixel_id);
  if (pixelId !== undefined) {
    const pixel = await ctx.store.get("pixels", pixelId);
    if (!pixel || pixel.accountId !== account.id) throw invalidAdsParam(1487230, "Invalid Pixel", `The pixel ${pixelId} isn't available to ad account ${account.id}.`, "promoted_object");
  }
  if (promoted.custom_event_type !== undefined && !CUSTOM_EVENT_TYPES.has(String(promoted.custom_event_type))) {
    throw invalidParam(`Param promoted_object[custom_event_type] must be one of {${[...CUSTOM_EVENT_TYPES].join(", ")}}`);
  }
  if (promoted.page_id !== undefined) {
    const page = await ctx.store.get("pages", String(promoted.page_id));
    if (!page || page.ownerUserId !== ctx.user.id) throw invalidAdsParam(1487471, "Invalid Page", `You don't have permission to advertise for page ${String(promoted.page_id)}.`, "promoted_object");
  }
  if (promoted.application_id !== undefined) {
    const app = await ctx.store.get("apps", String(promoted.application_id));
    if (!app) throw invalidAdsParam(1487082, "Invalid Application", `The application ${String(promoted.application_id)} can't be promoted by this ad account.`, "promoted_object");
    if (!app.objectStoreUrls.includes(String(promoted.object_store_url ?? ""))) {
      throw invalidAdsParam(1487082, "Invalid Object Store URL", "object_store_url must be one of the app's store URLs.", "promoted_object");
    }
  }
}

async function checkTargeting(ctx: CallContext, account: AdAccountRecord, targeting: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
  if (!targeting) throw requiredParam("targeting");
  const geo = asRecord(targeting.geo_locations);
  const hasGeo = geo && ["countries", "regions", "cities", "zips", "custom_locations", "places", "location_set_ids"].some((key) => Array.isArray(geo[key]) && (geo[key] as unknown[]).length > 0);
  if (!hasGeo) throw invalidAdsParam(1885364, "No Location Specified", "Your audience needs at least one location: set targeting.geo_locations.", "targeting");
  for (const key of ["custom_audiences", "excluded_custom_audiences"]) {
    const audiences = targeting[key];
    if (audiences === undefined) continue;
    if (!Array.isArray(audiences)) throw invalidParam(`Param targeting[${key}] must be an array`);
    for (const item of audiences) {
      const id = String(asRecord(item)?.id ?? item);
      const audience = await ctx.store.get("customAudiences", id);
      if (!audience || audience.accountId !== account.id) throw invalidAdsParam(1713075, "Invalid Custom Audience", `Custom audience ${id} doesn't exist or isn't shared with this ad account.`, "targeting");
    }
  }
  const ageMin = targeting.age_min === undefined ? 18 : Number(targeting.age_min);
  const ageMax = targeting.age_max === undefined ? 65 : Number(targeting.age_max);
  if (!(ageMin >= 13 && ageMax <= 65 && ageMin <= ageMax)) throw invalidParam("Param targeting age_min/age_max must satisfy 13 <= age_min <= age_max <= 65");
  return targeting;
}

function readTime(ctx: CallContext, name: string): Date | undefined {
  const text = ctx.params.string(name);
  if (!text) return undefined;
  const date = parseGraphTime(text);
  if (!date) throw invalidParam(`Param ${name} must be a valid ISO 8601 time or unix timestamp`);
  return date;
}

function checkBid(bidStrategy: string | undefined, bidAmount: number | undefined, bidConstraints: Record<string, unknown> | undefined): void {
  if ((bidStrategy === "LOWEST_COST_WITH_BID_CAP" || bidStrategy === "COST_CAP") && bidAmount === undefined) {
    throw invalidAdsParam(1815857, "Bid Amount Required", `Bid strategy ${bidStrategy} needs bid_amount.`, "bid_amount");
  }
  if (bidStrategy === "LOWEST_COST_WITH_MIN_ROAS" && bidConstraints?.roas_average_floor === undefined) {
    throw invalidAdsParam(1815857, "ROAS Floor Required", "Bid strategy LOWEST_COST_WITH_MIN_ROAS needs bid_constraints.roas_average_floor.", "bid_constraints");
  }
}

export async function createAdSet(ctx: CallContext, account: AdAccountRecord): Promise<{ id: string }> {
  const p = ctx.params;
  const name = p.string("name");
  if (!name) throw requiredParam("name");
  const campaign = await campaignInAccount(ctx, account, p.string("campaign_id"));
  const billingEvent = checkEnum("billing_event", p.string("billing_event"), BILLING_EVENTS);
  if (!billingEvent) throw requiredParam("billing_event");
  const goal = p.string("optimization_goal");
  if (!goal) throw requiredParam("optimization_goal");
  checkGoalFitsObjective(campaign.objective, goal);
  const promoted = p.jsonObject("promoted_object");
  checkPromotedObject(goal, promoted);
  await checkPromotedIds(ctx, account, promoted);
  const targeting = await checkTargeting(ctx, account, p.jsonObject("targeting"));
  const status = checkStatus(p.string("status"), { allowArchive: false }) ?? "ACTIVE";
  const destinationType = checkEnum("destination_type", p.string("destination_type"), DESTINATION_TYPES);
  const start = readTime(ctx, "start_time") ?? ctx.now();
  const end = readTime(ctx, "end_time");
  if (end && end.getTime() <= start.getTime()) throw invalidAdsParam(1487190, "Invalid End Time", "The end time must be after the start time.", "end_time");

  const daily = p.int("daily_budget");
  const lifetime = p.int("lifetime_budget");
  const campaignHasBudget = campaign.dailyBudget !== null || campaign.lifetimeBudget !== null;
  if (campaignHasBudget && (daily !== undefined || lifetime !== undefined)) {
    throw invalidAdsParam(1885621, "Budget Set At Campaign Level", "This campaign uses Advantage campaign budget, so its ad sets can't have their own budget.", "daily_budget");
  }
  if (!campaignHasBudget && daily === undefined && lifetime === undefined) throw invalidParam("Either daily_budget or lifetime_budget must be set on the ad set");
  if (!campaignHasBudget) checkBudgets(account, "ad set", { daily, lifetime, end, start, billingEvent });
  if (campaign.lifetimeBudget !== null && !end) {
    throw invalidAdsParam(1487195, "End Time Required", "Ad sets in a campaign with a lifetime budget need an end time.", "end_time");
  }

  const bidStrategy = checkEnum("bid_strategy", p.string("bid_strategy"), BID_STRATEGIES);
  const bidAmount = p.int("bid_amount");
  const bidConstraints = p.jsonObject("bid_constraints");
  checkBid(bidStrategy ?? campaign.bidStrategy ?? undefined, bidAmount, bidConstraints);

  const now = nowIso(ctx);
  const adSet: AdSetRecord = {
    id: await ctx.store.nextId(),
    accountId: account.id,
    campaignId: campaign.id,
    name,
    status,
    dailyBudget: daily ?? null,
    lifetimeBudget: lifetime ?? null,
    billingEvent,
    optimizationGoal: goal,
    bidAmount: bidAmount ?? null,
    bidStrategy: bidStrategy ?? null,
    bidConstraints: bidConstraints ?? null,
    targeting,
    promotedObject: promoted ?? null,
    destinationType: destinationType ?? null,
    startTime: start.toISOString(),
    endTime: end?.toISOString() ?? null,
    createdTime: now,
    updatedTime: now,
    statusHistory: initialStatusHistory(status, now),
    budgetHistory: initialBudgetHistory(daily ?? null, lifetime ?? null, now),
  };
  await ctx.store.put("adSets", adSet);
  return { id: adSet.id };
}

/** 613/1487632 once an ad set's budget has changed 4 times within the hour. */
async function recordBudgetChange(ctx: CallContext, adSetId: string): Promise<void> {
  const now = ctx.now();
  const recent = (await ctx.store.list("budgetChanges", { adSetId })).filter((change) => now.getTime() - new Date(change.at).getTime() < 3_600_000);
  if (recent.length >= BUDGET_CHANGES_PER_HOUR) {
    throw new GraphError({
      message: "(#613) Calls to this api have exceeded the rate limit.",
      code: 613,
      subcode: 1487632,
      userTitle: "Too Many Budget Changes",
      userMsg: "You've changed this ad set's budget too many times in the last hour. Please wait before changing it again.",
    });
  }
  await ctx.store.put("budgetChanges", { id: await ctx.store.nextId(), adSetId, at: now.toISOString() });
}

export async function updateAdSet(ctx: CallContext, adSet: AdSetRecord, account: AdAccountRecord): Promise<void> {
  const p = ctx.params;
  if (adSet.status === "DELETED") throw invalidParam("Cannot update a deleted ad set");
  const now = nowIso(ctx);
  let next: AdSetRecord = { ...adSet, updatedTime: now };
  if (p.has("name")) next.name = p.string("name") ?? adSet.name;
  const status = checkStatus(p.string("status"), { allowArchive: true });
  if (status) next = withStatus(next, status, now);
  if (p.has("targeting")) next.targeting = await checkTargeting(ctx, account, p.jsonObject("targeting"));
  if (p.has("bid_amount")) next.bidAmount = p.int("bid_amount") ?? null;
  if (p.has("start_time")) next.startTime = (readTime(ctx, "start_time") ?? new Date(adSet.startTime)).toISOString();
  if (p.has("end_time")) next.endTime = readTime(ctx, "end_time")?.toISOString() ?? null;
  if (p.has("daily_budget") || p.has("lifetime_budget")) {
    const daily = p.int("daily_budget");
    const lifetime = p.int("lifetime_budget");
    if ((daily !== undefined && adSet.lifetimeBudget !== null) || (lifetime !== undefined && adSet.dailyBudget !== null)) {
      throw invalidParam("Cannot switch an ad set between daily and lifetime budget");
    }
    const end = next.endTime ? new Date(next.endTime) : undefined;
    checkBudgets(account, "ad set", { daily, lifetime, end, start: new Date(next.startTime), billingEvent: adSet.billingEvent });
    if ((daily ?? null) !== adSet.dailyBudget || (lifetime ?? null) !== adSet.lifetimeBudget) await recordBudgetChange(ctx, adSet.id);
    next = withBudget(next, { dailyBudget: daily ?? null, lifetimeBudget: lifetime ?? null }, now);
  }
  await ctx.store.put("adSets", next);
}

export async function deleteAdSet(ctx: CallContext, adSet: AdSetRecord): Promise<void> {
  const now = nowIso(ctx);
  await ctx.store.put("adSets", { ...withStatus(adSet, "DELETED", now), updatedTime: now });
  for (const ad of await ctx.store.list("ads", { adSetId: adSet.id })) await ctx.store.put("ads", { ...withStatus(ad, "DELETED", now), updatedTime: now });
}
