import "server-only";
import { metrics } from "@/lib/observability/metrics";
import { summarizeRequests, type RequestSummary } from "@/lib/observability/request-stats";

/**
 * What only this server process knows: its recent requests and the latest Meta
 * usage reading per ad account. Labelled per instance on the page; the
 * database-backed figures (overview.ts) are the same everywhere.
 */
export type LiveOverview = {
  requests: RequestSummary;
  metaUsage: Array<{ adAccount: string; percent: number }>;
};

export const LIVE_WINDOW_MS = 5 * 60 * 1000;

export async function liveOverview(now = Date.now()): Promise<LiveOverview> {
  const usage = await metrics.metaUsage.get();
  return {
    requests: summarizeRequests(LIVE_WINDOW_MS, now),
    metaUsage: usage.values
      .map((value) => ({ adAccount: String(value.labels.ad_account), percent: value.value }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 20),
  };
}
