import { minDailyBudget, formatMinor } from "../budgets";
import { graphTime, parseGraphTime, type CallContext } from "../context";
import { invalidAdsParam, invalidParam, requiredParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, CampaignRecord } from "../types";
import { BID_STRATEGIES, checkEnum, checkObjective, checkSpecialAdCategories, checkStatus } from "../validation";
import { effectiveStatus, initialBudgetHistory, initialStatusHistory, money, newestFirst, nowIso, statusExclusion, withBudget, withStatus } from "./common";

export const campaignView: NodeView<CampaignRecord> = {
  typeName: "Campaign",
  defaultFields: ["id", "name"],
  async render(_ctx, campaign) {
    return {
      id: campaign.id,
      account_id: campaign.accountId,
      name: campaign.name,
      objective: campaign.objective,
      status: campaign.status,
      configured_status: campaign.status,
      effective_status: effectiveStatus(campaign.status),
      special_ad_categories: campaign.specialAdCategories,
      buying_type: campaign.buyingType,
      daily_budget: money(campaign.dailyBudget),
      lifetime_budget: money(campaign.lifetimeBudget),
      // Spend is the simulator's business; until then nothing is spent.
      budget_remaining: money(campaign.dailyBudget ?? campaign.lifetimeBudget ?? 0),
      bid_strategy: campaign.bidStrategy ?? undefined,
      is_adset_budget_sharing_enabled: campaign.isAdsetBudgetSharingEnabled ?? undefined,
      start_time: graphTime(campaign.startTime ?? campaign.createdTime),
      stop_time: graphTime(campaign.stopTime),
      created_time: graphTime(campaign.createdTime),
      updated_time: graphTime(campaign.updatedTime),
    };
  },
};

export async function listCampaigns(ctx: CallContext, accountId: string) {
  return listEdge(ctx, newestFirst(await ctx.store.list("campaigns", { accountId })), campaignView, { exclude: statusExclusion(ctx) });
}

function budgetTooLow(min: number, currency: string, level: string) {
  // (uncertain subcode) "Budget Is Too Low" is the title Meta uses.
  return invalidAdsParam(1885272, "Budget Is Too Low", `The budget for this ${level} must be at least ${formatMinor(min, currency)}. Please edit your budget to enable delivery of your ads.`, "daily_budget");
}

/** Budget rules shared by campaigns (Advantage campaign budget) and ad sets. */
export function checkBudgets(
  account: AdAccountRecord,
  level: "campaign" | "ad set",
  budgets: { daily: number | undefined; lifetime: number | undefined; end: Date | undefined; start: Date; billingEvent?: string },
): void {
  const { daily, lifetime, end, start } = budgets;
  if (daily !== undefined && lifetime !== undefined) throw invalidParam("Only one of daily_budget and lifetime_budget can be set");
  const min = minDailyBudget(account.currency, budgets.billingEvent);
  if (daily !== undefined && daily < min) throw budgetTooLow(min, account.currency, level);
  if (lifetime !== undefined) {
    if (!end) {
      throw invalidAdsParam(1487195, "End Time Required", `An ${level} with a lifetime budget needs an end time. Add end_time or use a daily budget.`, "end_time");
    }
    // Meta scales the floor with the number of days the ad set runs.
    const days = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / 86_400_000));
    if (lifetime < min * days) throw budgetTooLow(min * days, account.currency, level);
  }
}

export async function createCampaign(ctx: CallContext, account: AdAccountRecord): Promise<{ id: string }> {
  const p = ctx.params;
  const name = p.string("name");
  if (!name) throw requiredParam("name");
  const objective = checkObjective(p.string("objective"));
  const specialAdCategories = checkSpecialAdCategories(p.json("special_ad_categories"));
  const status = checkStatus(p.string("status"), { allowArchive: false }) ?? "ACTIVE";
  const buyingType = p.string("buying_type") ?? "AUCTION";
  if (buyingType !== "AUCTION" && buyingType !== "RESERVED") throw invalidParam("Param buying_type must be one of {AUCTION, RESERVED}");
  const bidStrategy = checkEnum("bid_strategy", p.string("bid_strategy"), BID_STRATEGIES);
  const daily = p.int("daily_budget");
  const lifetime = p.int("lifetime_budget");
  const start = p.string("start_time") ? parseGraphTime(p.string("start_time") ?? "") : undefined;
  const stop = p.string("stop_time") ? parseGraphTime(p.string("stop_time") ?? "") : undefined;
  checkBudgets(account, "campaign", { daily, lifetime, end: stop, start: start ?? ctx.now() });
  const hasCampaignBudget = daily !== undefined || lifetime !== undefined;
  const sharing = p.bool("is_adset_budget_sharing_enabled");
  if (!hasCampaignBudget && sharing === undefined) {
    // Meta made this explicit in 2026 for campaigns whose budget lives on the ad sets. (uncertain subcode)
    throw invalidAdsParam(4834011, "Budget Sharing Setting Required", "Must specify True or False in is_adset_budget_sharing_enabled field", "is_adset_budget_sharing_enabled");
  }
  const now = nowIso(ctx);
  const campaign: CampaignRecord = {
    id: await ctx.store.nextId(),
    accountId: account.id,
    name,
    objective,
    status,
    specialAdCategories,
    buyingType,
    dailyBudget: daily ?? null,
    lifetimeBudget: lifetime ?? null,
    bidStrategy: bidStrategy ?? (hasCampaignBudget ? "LOWEST_COST_WITHOUT_CAP" : null),
    isAdsetBudgetSharingEnabled: hasCampaignBudget ? null : (sharing ?? false),
    startTime: start?.toISOString() ?? null,
    stopTime: stop?.toISOString() ?? null,
    createdTime: now,
    updatedTime: now,
    statusHistory: initialStatusHistory(status, now),
    budgetHistory: initialBudgetHistory(daily ?? null, lifetime ?? null, now),
  };
  await ctx.store.put("campaigns", campaign);
  return { id: campaign.id };
}

export async function updateCampaign(ctx: CallContext, campaign: CampaignRecord, account: AdAccountRecord): Promise<void> {
  const p = ctx.params;
  if (campaign.status === "DELETED") throw invalidParam("Cannot update a deleted campaign");
  if (p.has("objective") && p.string("objective") !== campaign.objective) throw invalidParam("The objective of an existing campaign cannot be changed");
  const now = nowIso(ctx);
  let next: CampaignRecord = { ...campaign, updatedTime: now };
  if (p.has("name")) next.name = p.string("name") ?? campaign.name;
  const status = checkStatus(p.string("status"), { allowArchive: true });
  if (status) next = withStatus(next, status, now);
  if (p.has("special_ad_categories")) next.specialAdCategories = checkSpecialAdCategories(p.json("special_ad_categories"));
  if (p.has("bid_strategy")) next.bidStrategy = checkEnum("bid_strategy", p.string("bid_strategy"), BID_STRATEGIES) ?? null;
  if (p.has("daily_budget") || p.has("lifetime_budget")) {
    const daily = p.int("daily_budget") ?? (p.has("lifetime_budget") ? undefined : campaign.dailyBudget ?? undefined);
    const lifetime = p.int("lifetime_budget") ?? (p.has("daily_budget") ? undefined : campaign.lifetimeBudget ?? undefined);
    if ((daily !== undefined && campaign.lifetimeBudget !== null) || (lifetime !== undefined && campaign.dailyBudget !== null)) {
      throw invalidParam("Cannot switch a campaign between daily and lifetime budget");
    }
    const stop = campaign.stopTime ? new Date(campaign.stopTime) : undefined;
    checkBudgets(account, "campaign", { daily, lifetime, end: stop, start: new Date(campaign.startTime ?? campaign.createdTime) });
    next = withBudget(next, { dailyBudget: daily ?? null, lifetimeBudget: lifetime ?? null }, now);
  }
  await ctx.store.put("campaigns", next);
}

/** Deleting cascades to the children's effective status, as on Graph. */
export async function deleteCampaign(ctx: CallContext, campaign: CampaignRecord): Promise<void> {
  const now = nowIso(ctx);
  await ctx.store.put("campaigns", { ...withStatus(campaign, "DELETED", now), updatedTime: now });
  for (const adSet of await ctx.store.list("adSets", { campaignId: campaign.id })) await ctx.store.put("adSets", { ...withStatus(adSet, "DELETED", now), updatedTime: now });
  for (const ad of await ctx.store.list("ads", { campaignId: campaign.id })) await ctx.store.put("ads", { ...withStatus(ad, "DELETED", now), updatedTime: now });
}
