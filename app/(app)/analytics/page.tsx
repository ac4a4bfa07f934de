import { BarChart3, Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CampaignTable } from "@/components/analytics/campaign-table";
import { DailyTable } from "@/components/analytics/daily-table";
import { FiltersForm } from "@/components/analytics/filters-form";
import { KpiGrid } from "@/components/analytics/kpi-grid";
import { RatioTrendCharts, SettlingNote, SpendResultsCharts } from "@/components/analytics/performance-charts";
import { SyncPanel } from "@/components/analytics/sync-panel";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { filtersQuery, parseFilters, type SearchParams } from "@/lib/analytics/filters";
import { formatRange } from "@/lib/analytics/format";
import { kpiCards } from "@/lib/analytics/kpis";
import { campaignOptions } from "@/lib/analytics/queries";
import { reportingToday } from "@/lib/analytics/today";
import { resultsLabel } from "@/lib/analytics/results-label";
import { requestedRuns, syncMessage } from "@/lib/analytics/sync-params";
import { lastSyncedAt, syncStatusFor } from "@/lib/analytics/sync/status";
import { analyticsView } from "@/lib/analytics/views";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fanalytics");
  const params = await searchParams;
  const now = new Date();
  const today = await reportingToday(user.id, now);
  const filters = parseFilters(params, today);
  const [view, campaigns, accounts] = await Promise.all([analyticsView(user.id, filters, today), campaignOptions(user.id), syncStatusFor(user.id)]);
  const { kpis, currency } = view;
  // Links and the export carry the currency actually shown, so the file matches the screen.
  const shown = { ...filters, currency };
  const exportHref = (table: "campaigns" | "daily") => `/api/analytics/export?${filtersQuery(shown)}&table=${table}`;

  return (
    <>
      <PageHeader
        title="Analytics"
        description="What your ad money did, day by day."
        actions={
          currency && (
            <>
              <Button asChild variant="outline" size="sm">
                <a href={exportHref("campaigns")} download>
                  <Download aria-hidden /> Campaigns CSV
                </a>
              </Button>
              <Button asChild variant="outline" size="sm">
                <a href={exportHref("daily")} download>
                  <Download aria-hidden /> Daily CSV
                </a>
              </Button>
            </>
          )
        }
      />
      <div className="grid gap-6">
        <SyncPanel accounts={accounts} lastSynced={lastSyncedAt(accounts)} requestedRuns={requestedRuns(params.sync)} syncError={syncMessage(params.syncError)} returnTo="/analytics" now={now} />
        <FiltersForm filters={filters} today={today} campaigns={campaigns} currencies={kpis.currencies} currency={currency} />
        {filters.rangeError && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{filters.rangeError} Showing the last 28 days instead.</AlertDescription>
          </Alert>
        )}
        {!currency ? (
          <EmptyState icon={BarChart3} title="Nothing to show for these dates">
            No campaign spent anything between {formatRange(filters.range)}
            {filters.campaignIds.length > 0 ? " among the campaigns you picked" : ""}. Try a longer range
            {accounts.length === 0 ? <>, or <Link href="/settings" className="underline">connect a Meta ad account</Link> first</> : ", or sync now"}.
          </EmptyState>
        ) : (
          <>
            <section aria-labelledby="kpi-heading" className="grid gap-3">
              <h2 id="kpi-heading" className="text-sm font-medium">
                {formatRange(filters.range)} · {currency}
                {filters.campaignIds.length > 0 && ` · ${filters.campaignIds.length} campaign${filters.campaignIds.length === 1 ? "" : "s"}`}
              </h2>
              <KpiGrid cards={kpiCards(kpis.current, kpis.previous, currency)} comparedWith={`the period before (${formatRange(kpis.previousRange)})`} />
            </section>
            <Card>
              <CardHeader>
                <CardTitle>Over time</CardTitle>
              </CardHeader>
              <CardContent className="grid gap-6">
                <SpendResultsCharts daily={view.daily} currency={currency} resultsLabel={resultsLabel(view.rows)} />
                <RatioTrendCharts daily={view.daily} currency={currency} />
                <SettlingNote show={view.settling} />
                <DailyTable daily={view.daily} currency={currency} />
              </CardContent>
            </Card>
            <section aria-labelledby="campaigns-heading" className="grid gap-3">
              <h2 id="campaigns-heading" className="text-lg font-semibold">
                Campaigns
              </h2>
              <CampaignTable rows={view.rows} currency={currency} filters={shown} basePath="/analytics" />
            </section>
          </>
        )}
      </div>
    </>
  );
}
