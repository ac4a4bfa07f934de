import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, lt, ne } from "drizzle-orm";
import { db } from "@/db";
import { budgetChanges, campaigns, metaAdAccounts, performanceAnalytics, type Campaign, type CampaignPurpose } from "@/db/schema";
import { localDate, addDays } from "@/lib/analytics/sync/window";
import { minimumDailyBudget } from "@/lib/campaigns/budget-rules";
import { campaignBudget } from "@/lib/campaigns/launch/budget";
import { isLargeBudgetChange } from "@/lib/campaigns/manage/change";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { fromDecimalString } from "@/lib/money";
import type { DailyStats, EntityInput } from "../types";

/** Days of history the allocator sees: enough for its forgetting factor, short enough to stay relevant. */
export const HISTORY_DAYS = 60;

export type GroupMember = { campaign: Campaign; entity: EntityInput };

/**
 * Campaigns whose budgets may be moved among each other: one user's launched,
 * active, daily-budget campaigns with the optimizer on, on the same ad account,
 * in the same currency and with the same goal (leads are not traded against
 * purchases). `today` is the ad account's own date.
 */
export type BudgetGroup = {
  key: string;
  userId: string;
  adAccountRowId: string;
  currency: string;
  purpose: CampaignPurpose;
  goal: "cpa" | "roas";
  today: string;
  /** Autopilot only when every member is on autopilot (and the plan allows it, checked by the caller). */
  autopilot: boolean;
  members: GroupMember[];
};

/** Sales are judged on the value they bring; every other goal with a result on its cost. Reach goals have no result to optimize. */
export function goalOf(purpose: CampaignPurpose): "cpa" | "roas" | null {
  if (!PURPOSES[purpose].conversionActionType) return null;
  return purpose === "sales" ? "roas" : "cpa";
}

export async function budgetGroups(userId: string, now = new Date()): Promise<BudgetGroup[]> {
  const rows = await db
    .select({ campaign: campaigns, account: { id: metaAdAccounts.id, timezone: metaAdAccounts.timezone } })
    .from(campaigns)
    .innerJoin(metaAdAccounts, and(eq(metaAdAccounts.userId, campaigns.userId), eq(metaAdAccounts.adAccountId, campaigns.adAccountId)))
    .where(
      and(
        eq(campaigns.userId, userId),
        eq(campaigns.status, "active"),
        eq(campaigns.launchState, "launched"),
        ne(campaigns.optimizerMode, "off"),
        isNotNull(campaigns.metaCampaignId),
      ),
    )
    .orderBy(asc(campaigns.createdAt));

  const groups = new Map<string, BudgetGroup & { ids: string[] }>();
  for (const { campaign, account } of rows) {
    const goal = goalOf(campaign.purpose);
    const budget = campaignBudget(campaign);
    if (!goal || budget?.kind !== "daily") continue;
    const key = `${userId}:${account.id}:${campaign.currency}:${campaign.purpose}`;
    const group = groups.get(key) ?? {
      key,
      userId,
      adAccountRowId: account.id,
      currency: campaign.currency,
      purpose: campaign.purpose,
      goal,
      today: localDate(now, account.timezone),
      autopilot: true,
      members: [],
      ids: [],
    };
    group.autopilot &&= campaign.optimizerMode === "autopilot";
    group.members.push({
      campaign,
      entity: { id: campaign.id, currentDailyBudget: budget.amount, minDailyBudget: minimumDailyBudget(campaign.currency), history: [] },
    });
    group.ids.push(campaign.id);
    groups.set(key, group);
  }
  // One campaign alone has nowhere to move budget to.
  const usable = [...groups.values()].filter((group) => group.members.length >= 2);
  await Promise.all(usable.map((group) => attachHistory(group)));
  return usable.map(({ ids: _ids, ...group }) => group);
}

/** Daily results before today, and the last day Meta's learning phase restarted (first delivery, or a budget change over 20%). */
async function attachHistory(group: BudgetGroup): Promise<void> {
  const ids = group.members.map((member) => member.campaign.id);
  const since = addDays(group.today, -HISTORY_DAYS);
  const [days, changes] = await Promise.all([
    db
      .select()
      .from(performanceAnalytics)
      .where(and(inArray(performanceAnalytics.campaignId, ids), gte(performanceAnalytics.date, since), lt(performanceAnalytics.date, group.today)))
      .orderBy(asc(performanceAnalytics.date)),
    db.select().from(budgetChanges).where(inArray(budgetChanges.campaignId, ids)).orderBy(asc(budgetChanges.createdAt)),
  ]);
  const firstDay = new Map<string, string>();
  for (const member of group.members) {
    const history: DailyStats[] = days
      .filter((day) => day.campaignId === member.campaign.id)
      .map((day) => ({
        date: day.date,
        spend: fromDecimalString(day.spend, group.currency),
        impressions: day.impressions,
        clicks: day.clicks,
        conversions: day.conversions,
        conversionValue: fromDecimalString(day.conversionValue, group.currency),
      }));
    member.entity.history = history;
    if (history[0]) firstDay.set(member.campaign.id, history[0].date);
    const lastLarge = changes.filter((change) => change.campaignId === member.campaign.id && isLargeBudgetChange(change.fromAmount ?? 0, change.toAmount)).at(-1);
    const edits = [lastLarge ? lastLarge.createdAt.toISOString().slice(0, 10) : undefined, firstDay.get(member.campaign.id)].filter((date): date is string => Boolean(date));
    // Before any delivery there is no history; the allocator then keeps the campaign as it is.
    if (edits.length > 0) member.entity.lastSignificantEditAt = edits.sort().at(-1);
  }
}
