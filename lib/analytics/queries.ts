import "server-only";
import { and, asc, between, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, resultRows } from "@/db";
import { campaigns, performanceAnalytics as pa, userDailyPerformance as ud, type CampaignPurpose, type CampaignStatus } from "@/db/schema";
import type { AnalyticsFilters, SortDirection, SortKey } from "./filters";
import { isSettling } from "./metrics";
import { daysOf, previousPeriod, type DateRange } from "./range";
import { EMPTY_SUMMARY, addSummaries, measured, sumFields, summaryOf, type Measured, type SumRow, type Summary } from "./sums";

/**
 * The dashboard's and analytics page's reads. Every query filters on the
 * signed-in user's id first (tenant isolation, and the (user_id, date) index);
 * campaign ids from the URL only ever narrow that. Money is summed by Postgres
 * on the DECIMAL columns; amounts in different currencies are never added.
 */

export type Scope = Pick<AnalyticsFilters, "range" | "campaignIds">;

export type CurrencySpend = { currency: string; spendCents: number };

export type KpiSummary = {
  /** Currencies with rows in the range or the period before, most spend first. */
  currencies: CurrencySpend[];
  /** The currency every figure is in (null when there are no rows at all). */
  currency: string | null;
  current: Measured;
  previous: Measured;
  previousRange: { since: string; until: string };
};

/** The user's rows in the window, narrowed to the picked campaigns. */
function rowsOf(userId: string, since: string, until: string, campaignIds: string[]): SQL {
  return and(eq(pa.userId, userId), between(pa.date, since, until), campaignIds.length > 0 ? inArray(pa.campaignId, campaignIds) : undefined)!;
}

type CampaignSums = { id: string; name: string; status: CampaignStatus; purpose: CampaignPurpose; currency: string; sums: SumRow };

/**
 * Each of the user's campaigns with rows in the window, with its sums over the
 * window, from the running totals the sync keeps: the last row on or before the
 * window's end minus the last row before its start, two index lookups per
 * campaign whatever the window's length (a 90-day range no longer scans 90 rows
 * per campaign). Money stays DECIMAL in Postgres and leaves as text.
 */
async function campaignSums(userId: string, window: { since: string; until: string }, campaignIds: string[], currency: string | null = null): Promise<CampaignSums[]> {
  const diff = (column: string) => sql.raw(`(e.${column} - coalesce(b.${column}, 0))::text`);
  const rows = await db.execute(sql`
    select c.id, c.name, c.status, c.purpose, c.currency,
      ${diff("cum_spend")} as spend, ${diff("cum_impressions")} as impressions, ${diff("cum_reach")} as reach,
      ${diff("cum_clicks")} as clicks, ${diff("cum_conversions")} as conversions, ${diff("cum_conversion_value")} as "conversionValue"
    from campaigns c
    cross join lateral (
      select p.date, p.cum_spend, p.cum_impressions, p.cum_reach, p.cum_clicks, p.cum_conversions, p.cum_conversion_value
      from performance_analytics p where p.campaign_id = c.id and p.date <= ${window.until}::date order by p.date desc limit 1
    ) e
    left join lateral (
      select p.cum_spend, p.cum_impressions, p.cum_reach, p.cum_clicks, p.cum_conversions, p.cum_conversion_value
      from performance_analytics p where p.campaign_id = c.id and p.date < ${window.since}::date order by p.date desc limit 1
    ) b on true
    where c.user_id = ${userId}
      and e.date >= ${window.since}::date
      ${campaignIds.length > 0 ? sql`and c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(campaignIds)}::jsonb))` : sql``}
      ${currency ? sql`and c.currency = ${currency}` : sql``}`);
  const list = resultRows<Omit<CampaignSums, "sums"> & SumRow>(rows);
  return list.map(({ id, name, status, purpose, currency: code, ...sums }) => ({ id, name, status, purpose, currency: code, sums }));
}

/**
 * Exact totals per currency over a window. All campaigns: the user's daily
 * totals (one row per currency per day). Picked campaigns: their window sums,
 * added in whole cents.
 */
async function totalsByCurrency(userId: string, window: { since: string; until: string }, campaignIds: string[]): Promise<Map<string, Summary>> {
  const totals = new Map<string, Summary>();
  if (campaignIds.length === 0) {
    const rows = await db
      .select({ currency: ud.currency, sums: sumFields(ud) })
      .from(ud)
      .where(and(eq(ud.userId, userId), between(ud.date, window.since, window.until)))
      .groupBy(ud.currency);
    for (const row of rows) totals.set(row.currency, summaryOf(row.sums));
    return totals;
  }
  for (const row of await campaignSums(userId, window, campaignIds)) totals.set(row.currency, addSummaries(totals.get(row.currency) ?? EMPTY_SUMMARY, summaryOf(row.sums)));
  return totals;
}

/**
 * Totals for the range and the equal-length period before it, per currency.
 * The two periods are separate queries run side by side (on Postgres each gets
 * its own connection), so the page waits for one period's scan, not two.
 * The requested currency wins when it has rows; otherwise the one with the
 * most spend in the range.
 */
export async function kpiSummary(userId: string, scope: Scope, requestedCurrency: string | null = null): Promise<KpiSummary> {
  const previousRange = previousPeriod(scope.range);
  const [current, previous] = await Promise.all([totalsByCurrency(userId, scope.range, scope.campaignIds), totalsByCurrency(userId, previousRange, scope.campaignIds)]);
  const spendIn = (totals: Map<string, Summary>, currency: string) => totals.get(currency)?.spendCents ?? 0;
  const currencies = [...new Set([...current.keys(), ...previous.keys()])].sort(
    (a, b) => spendIn(current, b) - spendIn(current, a) || spendIn(previous, b) - spendIn(previous, a) || a.localeCompare(b),
  );
  const chosen = currencies.find((currency) => currency === requestedCurrency) ?? currencies[0] ?? null;
  return {
    currencies: currencies.map((currency) => ({ currency, spendCents: spendIn(current, currency) })),
    currency: chosen,
    current: measured((chosen && current.get(chosen)) || EMPTY_SUMMARY),
    previous: measured((chosen && previous.get(chosen)) || EMPTY_SUMMARY),
    previousRange,
  };
}

/** The user's campaigns in one currency, as a subquery for `campaign_id in (…)`. */
function campaignsIn(userId: string, currency: string) {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.userId, userId), eq(campaigns.currency, currency)));
}

export type DailyPoint = Measured & { date: string; settling: boolean };

/** One point per day of the range in one currency, days without rows as zeros (so a chart has no gaps). */
export async function dailySeries(userId: string, scope: Scope, currency: string, today: string): Promise<DailyPoint[]> {
  if (scope.campaignIds.length === 0) {
    const totals = await db
      .select({ date: ud.date, sums: sumFields(ud) })
      .from(ud)
      .where(and(eq(ud.userId, userId), eq(ud.currency, currency), between(ud.date, scope.range.since, scope.range.until)))
      .groupBy(ud.date)
      .orderBy(asc(ud.date));
    return fillDays(scope.range, totals, today);
  }
  const rows = await db
    .select({ date: pa.date, sums: sumFields(pa) })
    .from(pa)
    .where(and(rowsOf(userId, scope.range.since, scope.range.until, scope.campaignIds), inArray(pa.campaignId, campaignsIn(userId, currency))))
    .groupBy(pa.date)
    .orderBy(asc(pa.date));
  return fillDays(scope.range, rows, today);
}

/** Turns per-day sum rows into one point for every day of the range. */
export function fillDays(range: Pick<DateRange, "since" | "until">, rows: Array<{ date: string; sums: Parameters<typeof summaryOf>[0] }>, today: string): DailyPoint[] {
  const byDate = new Map(rows.map((row) => [row.date, summaryOf(row.sums)]));
  return daysOf(range).map((date) => ({ date, settling: isSettling(date, today), ...measured(byDate.get(date) ?? EMPTY_SUMMARY) }));
}

export type CampaignRow = Measured & {
  id: string;
  name: string;
  status: CampaignStatus;
  purpose: CampaignPurpose;
  currency: string;
};

/**
 * One row per campaign with rows in the range, each in its own campaign's
 * currency; `currency` narrows to one (the analytics page), null keeps all
 * (the campaign list, where each row stands alone).
 */
export async function campaignRows(userId: string, scope: Scope, currency: string | null): Promise<CampaignRow[]> {
  const rows = await campaignSums(userId, scope.range, scope.campaignIds, currency);
  return rows.map(({ sums, ...campaign }) => ({ ...campaign, ...measured(summaryOf(sums)) }));
}

/**
 * Sorts table rows by a column. Ratios that do not exist (no clicks, no
 * conversions) go last in either direction, so "lowest CPA" never starts with
 * campaigns that had no conversions at all.
 */
export function sortRows<Row extends Measured & { name: string }>(rows: Row[], sort: SortKey, dir: SortDirection): Row[] {
  const sign = dir === "asc" ? 1 : -1;
  const value = (row: Row): number | null => (sort === "name" ? null : sort === "spend" ? row.spendCents : row[sort]);
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * a.name.localeCompare(b.name);
    const left = value(a);
    const right = value(b);
    if (left === null || right === null) return left === right ? a.name.localeCompare(b.name) : left === null ? 1 : -1;
    return sign * (left - right) || a.name.localeCompare(b.name);
  });
}

/** The user's campaigns for the filter, in one currency or all. */
export async function campaignOptions(userId: string): Promise<Array<{ id: string; name: string; currency: string }>> {
  return db
    .select({ id: campaigns.id, name: campaigns.name, currency: campaigns.currency })
    .from(campaigns)
    .where(and(eq(campaigns.userId, userId), sql`${campaigns.metaCampaignId} is not null`))
    .orderBy(asc(campaigns.name));
}
