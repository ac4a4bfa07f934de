import "server-only";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { budgetChanges, campaigns, metaAdAccounts, performanceAnalytics } from "@/db/schema";
import { fromDecimalString } from "@/lib/money";
import type { BudgetKind, CampaignWeek, WeekSums } from "./types";
import type { Week } from "./week";

/** A campaign's two weeks of sums plus what pacing needs: budget, schedule (account-local dates) and spend to date. */
export type CampaignFacts = Omit<CampaignWeek, "activeDays"> & {
  budgetKind: BudgetKind | null;
  /** Minor units; null when the campaign has no budget of that kind. */
  dailyBudget: number | null;
  totalBudget: number | null;
  /**
   * Daily budget changes (by the marketer or the optimizer), oldest first, dated
   * by UTC day: pacing counts each day at the budget in force that day.
   */
  budgetChanges: Array<{ date: string; from: number | null; to: number }>;
  /** The schedule as the ad account's calendar dates; start falls back to the first day with data. */
  startDate: string;
  endDate: string | null;
  /** All spend up to the end of the reported week, minor units (lifetime pacing). */
  spendToDate: number;
};

const pa = performanceAnalytics;

/**
 * Per-campaign sums for the reported and the previous week, summed in SQL on
 * the DECIMAL columns so every figure is exact to the cent before it becomes
 * integer minor units. Only the user's own campaigns and rows, and only
 * campaigns with a row in either week.
 */
export async function loadCampaignWeeks(userId: string, week: Week, previous: Week): Promise<CampaignFacts[]> {
  const inWeek = (range: Week) => sql`${pa.date} between ${range.start} and ${range.end}`;
  const sums = (range: Week) => ({
    spend: sql<string>`coalesce(sum(${pa.spend}) filter (where ${inWeek(range)}), 0)::text`,
    conversionValue: sql<string>`coalesce(sum(${pa.conversionValue}) filter (where ${inWeek(range)}), 0)::text`,
    impressions: sql<string>`coalesce(sum(${pa.impressions}) filter (where ${inWeek(range)}), 0)::text`,
    clicks: sql<string>`coalesce(sum(${pa.clicks}) filter (where ${inWeek(range)}), 0)::text`,
    conversions: sql<string>`coalesce(sum(${pa.conversions}) filter (where ${inWeek(range)}), 0)::text`,
  });
  // Schedules are instants; the data's days are the ad account's, so dates are taken in its time zone.
  const zone = sql`coalesce(${metaAdAccounts.timezone}, 'UTC')`;
  const rows = await db
    .select({
      campaignId: campaigns.id,
      name: campaigns.name,
      purpose: campaigns.purpose,
      status: campaigns.status,
      currency: campaigns.currency,
      dailyBudget: sql<string | null>`${campaigns.dailyBudget}::text`,
      totalBudget: sql<string | null>`${campaigns.totalBudget}::text`,
      draftKind: sql<string | null>`${campaigns.draft}->'budget'->>'kind'`,
      startDate: sql<string | null>`(${campaigns.startTime} at time zone ${zone})::date::text`,
      endDate: sql<string | null>`(${campaigns.endTime} at time zone ${zone})::date::text`,
      firstDataDate: sql<string>`min(${pa.date})::text`,
      spendToDate: sql<string>`coalesce(sum(${pa.spend}), 0)::text`,
      current: sums(week),
      previous: sums(previous),
    })
    .from(campaigns)
    .innerJoin(pa, and(eq(pa.campaignId, campaigns.id), eq(pa.userId, userId)))
    .leftJoin(metaAdAccounts, and(eq(metaAdAccounts.userId, campaigns.userId), eq(metaAdAccounts.adAccountId, campaigns.adAccountId)))
    .where(and(eq(campaigns.userId, userId), lte(pa.date, week.end)))
    .groupBy(campaigns.id, metaAdAccounts.timezone)
    .having(sql`count(*) filter (where ${pa.date} >= ${previous.start}) > 0`)
    .orderBy(campaigns.name, campaigns.id);

  const changes = rows.length
    ? await db
        .select({ campaignId: budgetChanges.campaignId, at: budgetChanges.createdAt, from: budgetChanges.fromAmount, to: budgetChanges.toAmount })
        .from(budgetChanges)
        .where(and(eq(budgetChanges.userId, userId), inArray(budgetChanges.campaignId, rows.map((row) => row.campaignId))))
        .orderBy(budgetChanges.createdAt)
    : [];

  return rows.map((row) => {
    const money = (value: string | null) => (value === null ? null : fromDecimalString(value, row.currency));
    const weekSums = (raw: Record<keyof WeekSums, string>): WeekSums => ({
      spend: money(raw.spend)!,
      conversionValue: money(raw.conversionValue)!,
      impressions: Number(raw.impressions),
      clicks: Number(raw.clicks),
      conversions: Number(raw.conversions),
    });
    const dailyBudget = money(row.dailyBudget);
    const totalBudget = money(row.totalBudget);
    const draftKind = row.draftKind === "daily" || row.draftKind === "lifetime" ? row.draftKind : null;
    return {
      campaignId: row.campaignId,
      name: row.name,
      purpose: row.purpose,
      status: row.status,
      currency: row.currency,
      current: weekSums(row.current),
      previous: weekSums(row.previous),
      // The wizard's choice wins; campaigns made before it recorded one are read from their columns.
      budgetKind: draftKind ?? (dailyBudget !== null ? "daily" : totalBudget !== null ? "lifetime" : null),
      dailyBudget,
      totalBudget,
      startDate: row.startDate ?? row.firstDataDate,
      endDate: row.endDate,
      spendToDate: money(row.spendToDate)!,
      budgetChanges: changes
        .filter((change) => change.campaignId === row.campaignId)
        .map((change) => ({ date: change.at.toISOString().slice(0, 10), from: change.from, to: change.to })),
    };
  });
}

/** Users with any campaign data in the reported or the previous week: the ones who get a report. */
export async function usersWithData(week: Week, previous: Week): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: pa.userId })
    .from(pa)
    .where(and(gte(pa.date, previous.start), lte(pa.date, week.end)))
    .orderBy(pa.userId);
  return rows.map((row) => row.userId);
}
