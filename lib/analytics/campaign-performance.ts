import "server-only";
import { and, asc, between, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { adInsightsDaily as ads, campaignAds, performanceAnalytics as pa } from "@/db/schema";
import { fillDays, type DailyPoint } from "./queries";
import type { DateRange } from "./range";
import { EMPTY_SUMMARY, addSummaries, measured, sumFields, summaryOf, type Measured } from "./sums";

export type AdRow = Measured & {
  metaAdId: string;
  /** The ad's headline when AdPilot made it, else Meta's ad id. */
  label: string;
};

export type CampaignPerformance = {
  daily: DailyPoint[];
  totals: Measured;
  ads: AdRow[];
};

/**
 * One campaign's days and ads. The caller has already checked the campaign is
 * the user's (getCampaign); every query here filters on the user's id anyway,
 * so a wrong id can only ever come back empty.
 */
export async function campaignPerformance(userId: string, campaignId: string, range: Pick<DateRange, "since" | "until">, today: string): Promise<CampaignPerformance> {
  const [days, adSums, labels] = await Promise.all([
    db
      .select({ date: pa.date, sums: sumFields(pa) })
      .from(pa)
      .where(and(eq(pa.campaignId, campaignId), eq(pa.userId, userId), between(pa.date, range.since, range.until)))
      .groupBy(pa.date)
      .orderBy(asc(pa.date)),
    db
      .select({ metaAdId: ads.metaAdId, sums: sumFields(ads) })
      .from(ads)
      .where(and(eq(ads.campaignId, campaignId), eq(ads.userId, userId), between(ads.date, range.since, range.until)))
      .groupBy(ads.metaAdId),
    // Labels come separately: joining them into the sums would multiply a row if an ad id appeared twice.
    db
      .select({ metaAdId: campaignAds.metaAdId, headline: campaignAds.headline })
      .from(campaignAds)
      .where(and(eq(campaignAds.campaignId, campaignId), eq(campaignAds.userId, userId), isNotNull(campaignAds.metaAdId))),
  ]);
  const daily = fillDays(range, days, today);
  const headlines = new Map(labels.map((label) => [label.metaAdId!, label.headline]));
  const adRows = adSums
    .map(({ metaAdId, sums }) => ({ metaAdId, label: headlines.get(metaAdId) || metaAdId, ...measured(summaryOf(sums)) }))
    .sort((a, b) => b.spendCents - a.spendCents || a.label.localeCompare(b.label));
  return { daily, totals: measured(daily.reduce((sum, day) => addSummaries(sum, day), { ...EMPTY_SUMMARY })), ads: adRows };
}
