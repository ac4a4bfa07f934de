import "server-only";
import { and, eq, gte, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { adInsightsDaily, campaignAds, campaigns, metaAdAccounts, optimizerRecommendations, type FatigueSignal } from "@/db/schema";
import { addDays, localDate } from "@/lib/analytics/sync/window";

/**
 * Creative fatigue, the way media buyers spot it: the same people see the ad
 * again and again (frequency past ~3 a day over the last week) while its
 * click-through rate has fallen at least 20% from the ad's own first week.
 */
export const FATIGUE = {
  frequency: 3,
  ctrDrop: 0.2,
  windowDays: 7,
  /** Below this many impressions in either week, a CTR is noise. */
  minImpressions: 1000,
  lookbackDays: 60,
  /** A dismissed warning stays quiet this long. */
  quietDays: 14,
} as const;

type Week = { impressions: number; reach: number; clicks: number };

/** The fatigue verdict for one ad's daily rows (oldest first, today excluded); null when it is fine or the data is thin. */
export function fatigueOf(days: Array<{ date: string } & Week>, today: string): Omit<FatigueSignal, "campaignAdId" | "assetId" | "headline"> | null {
  if (days.length < FATIGUE.windowDays * 2) return null;
  const sum = (rows: Week[]): Week => rows.reduce((total, row) => ({ impressions: total.impressions + row.impressions, reach: total.reach + row.reach, clicks: total.clicks + row.clicks }), { impressions: 0, reach: 0, clicks: 0 });
  const recentFrom = addDays(today, -FATIGUE.windowDays);
  const first = sum(days.slice(0, FATIGUE.windowDays));
  const recent = sum(days.filter((day) => day.date >= recentFrom && day.date < today));
  if (first.impressions < FATIGUE.minImpressions || recent.impressions < FATIGUE.minImpressions || recent.reach === 0) return null;
  const baselineCtr = first.clicks / first.impressions;
  const recentCtr = recent.clicks / recent.impressions;
  // Summed daily reach counts a person once per day: impressions over it is the average daily frequency.
  const frequency = recent.impressions / recent.reach;
  if (frequency <= FATIGUE.frequency || baselineCtr === 0 || recentCtr > baselineCtr * (1 - FATIGUE.ctrDrop)) return null;
  return { frequency: round(frequency, 2), baselineCtr: round(baselineCtr, 5), recentCtr: round(recentCtr, 5) };
}

/** The user's tired ads (on live campaigns with the optimizer on), each with what showed it. */
export async function fatiguedAds(userId: string, now = new Date()): Promise<Array<FatigueSignal & { campaignId: string; today: string }>> {
  const ads = await db
    .select({ ad: campaignAds, campaignId: campaigns.id, timezone: metaAdAccounts.timezone, adAccountRowId: metaAdAccounts.id })
    .from(campaignAds)
    .innerJoin(campaigns, eq(campaigns.id, campaignAds.campaignId))
    .innerJoin(metaAdAccounts, and(eq(metaAdAccounts.userId, campaigns.userId), eq(metaAdAccounts.adAccountId, campaigns.adAccountId)))
    .where(and(eq(campaignAds.userId, userId), eq(campaigns.status, "active"), ne(campaigns.optimizerMode, "off"), isNotNull(campaignAds.metaAdId)));
  if (ads.length === 0) return [];
  const today = localDate(now, ads[0]!.timezone);
  const rows = await db
    .select({ metaAdId: adInsightsDaily.metaAdId, adAccountId: adInsightsDaily.adAccountId, date: adInsightsDaily.date, impressions: adInsightsDaily.impressions, reach: adInsightsDaily.reach, clicks: adInsightsDaily.clicks })
    .from(adInsightsDaily)
    .where(
      and(
        eq(adInsightsDaily.userId, userId),
        inArray(adInsightsDaily.metaAdId, ads.map((row) => row.ad.metaAdId!)),
        gte(adInsightsDaily.date, addDays(today, -FATIGUE.lookbackDays)),
        lt(adInsightsDaily.date, today),
      ),
    )
    .orderBy(adInsightsDaily.date);
  const found: Array<FatigueSignal & { campaignId: string; today: string }> = [];
  for (const { ad, campaignId, timezone, adAccountRowId } of ads) {
    const adToday = localDate(now, timezone);
    const days = rows.filter((row) => row.metaAdId === ad.metaAdId && row.adAccountId === adAccountRowId);
    const verdict = fatigueOf(days, adToday);
    if (verdict) found.push({ ...verdict, campaignAdId: ad.id, assetId: ad.assetId, headline: ad.headline, campaignId, today: adToday });
  }
  return found;
}

/** Raises one open warning per tired ad, unless one is open already or the user dismissed it recently. */
export async function recommendFreshCreatives(userId: string, now = new Date()): Promise<number> {
  let raised = 0;
  for (const signal of await fatiguedAds(userId, now)) {
    const groupKey = `fatigue:${signal.campaignAdId}`;
    const [recent] = await db
      .select({ id: optimizerRecommendations.id })
      .from(optimizerRecommendations)
      .where(
        and(
          eq(optimizerRecommendations.groupKey, groupKey),
          sql`(${optimizerRecommendations.status} = 'open' or (${optimizerRecommendations.status} = 'dismissed' and ${optimizerRecommendations.forDate} >= ${addDays(signal.today, -FATIGUE.quietDays)}::date))`,
        ),
      )
      .limit(1);
    if (recent) continue;
    const { campaignId, today, ...fatigue } = signal;
    const drop = Math.round((1 - fatigue.recentCtr / fatigue.baselineCtr) * 100);
    const inserted = await db
      .insert(optimizerRecommendations)
      .values({
        userId,
        campaignId,
        kind: "fatigue",
        groupKey,
        forDate: today,
        explanation: `People have seen “${fatigue.headline}” about ${fatigue.frequency.toFixed(1)} times a day this week and its click-through rate is down ${drop}% from its earlier level. Fresh variants usually bring it back.`,
        fatigue,
      })
      .onConflictDoNothing()
      .returning({ id: optimizerRecommendations.id });
    raised += inserted.length;
  }
  return raised;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
