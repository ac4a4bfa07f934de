import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { adInsightsDaily, campaigns, performanceAnalytics, type CampaignPurpose } from "@/db/schema";
import { addDays } from "@/lib/analytics/range";
import { refreshRunningTotals, refreshUserDaily } from "@/lib/analytics/sync/store-rows";

/**
 * Campaigns and performance rows written straight into the tables, as the
 * Meta sync would leave them. Money is given in integer cents and written as
 * DECIMAL text, so a test can sum the cents in JS and compare to the cent.
 */
export async function createLaunchedCampaign(userId: string, options: { name?: string; currency?: string; purpose?: CampaignPurpose } = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({
      userId,
      name: options.name ?? `Campaign ${randomUUID().slice(0, 6)}`,
      purpose: options.purpose ?? "sales",
      status: "active",
      currency: options.currency ?? "USD",
      metaCampaignId: `12${Math.floor(Math.random() * 1e12)}`,
      launchState: "launched",
    })
    .returning();
  return row!;
}

export type DayFigures = { date: string; spendCents: number; impressions: number; reach?: number; clicks: number; conversions: number; valueCents: number };

export const decimalOf = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/** Inserts in batches: one multi-row statement per 500 rows keeps thousands of rows fast on PGlite. */
export async function insertDays(userId: string, campaignId: string, days: DayFigures[]): Promise<void> {
  for (let start = 0; start < days.length; start += 500) {
    await db.insert(performanceAnalytics).values(
      days.slice(start, start + 500).map((day) => ({
        userId,
        campaignId,
        date: day.date,
        impressions: day.impressions,
        reach: day.reach ?? Math.floor(day.impressions / 2),
        clicks: day.clicks,
        spend: decimalOf(day.spendCents),
        conversions: day.conversions,
        conversionValue: decimalOf(day.valueCents),
      })),
    );
  }
  // As the sync does after every write: the campaign's running totals.
  const dates = days.map((day) => day.date).sort();
  if (dates.length === 0) return;
  await refreshRunningTotals(db, [campaignId], dates[0]!);
  await refreshUserDaily(db, userId, dates[0]!, dates[dates.length - 1]!);
}

/** A deterministic pseudo-random generator: the same awkward decimals on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` consecutive days ending at `until`, with spend like 12.37 and 0.01 and value like 99.99. */
export function randomDays(until: string, count: number, random: () => number): DayFigures[] {
  return Array.from({ length: count }, (_, index) => {
    const impressions = Math.floor(random() * 50_000);
    const clicks = Math.floor(impressions * random() * 0.05);
    return {
      date: addDays(until, -index),
      spendCents: Math.floor(random() * 987_654) + 1,
      impressions,
      clicks,
      conversions: Math.floor(clicks * random() * 0.2),
      valueCents: Math.floor(random() * 1_234_567),
    };
  });
}

export async function insertAdDay(values: typeof adInsightsDaily.$inferInsert): Promise<void> {
  await db.insert(adInsightsDaily).values(values);
}
