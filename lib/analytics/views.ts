import "server-only";
import type { AnalyticsFilters } from "./filters";
import { isSettling } from "./metrics";
import { campaignRows, dailySeries, kpiSummary, sortRows, type CampaignRow, type DailyPoint, type KpiSummary } from "./queries";
import { presetRange, type DateRange } from "./range";

export type AnalyticsView = {
  range: DateRange;
  kpis: KpiSummary;
  /** The one currency on screen; null when the range has no rows. */
  currency: string | null;
  daily: DailyPoint[];
  rows: CampaignRow[];
  /** Whether the last days of the range are still being attributed by Meta. */
  settling: boolean;
};

/**
 * Everything the analytics page shows for a set of filters. The CSV export
 * calls this same function, so the file holds exactly what is on screen.
 */
export async function analyticsView(userId: string, filters: AnalyticsFilters, today: string): Promise<AnalyticsView> {
  const kpis = await kpiSummary(userId, filters, filters.currency);
  const settling = isSettling(filters.range.until, today);
  if (!kpis.currency) return { range: filters.range, kpis, currency: null, daily: [], rows: [], settling };
  const [daily, rows] = await Promise.all([dailySeries(userId, filters, kpis.currency, today), campaignRows(userId, filters, kpis.currency)]);
  return { range: filters.range, kpis, currency: kpis.currency, daily, rows: sortRows(rows, filters.sort, filters.dir), settling };
}

/** The dashboard: the last 28 days of all campaigns, in one currency. */
export async function dashboardView(userId: string, currency: string | null, today: string): Promise<AnalyticsView> {
  return analyticsView(userId, { range: presetRange("last_28", today), rangeError: null, campaignIds: [], currency, sort: "spend", dir: "desc" }, today);
}
