import Link from "next/link";
import type { Campaign } from "@/db/schema";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignPerformance } from "@/lib/analytics/campaign-performance";
import { formatCents, formatCount, formatMajor, formatRange, formatRoas } from "@/lib/analytics/format";
import { RANGE_PRESETS, type DateRange, type RangePreset } from "@/lib/analytics/range";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { cn } from "@/lib/utils";
import { AdTable } from "./ad-table";
import { DailyTable } from "./daily-table";
import { SettlingNote, SpendResultsCharts, RatioTrendCharts } from "./performance-charts";

/** The campaign page's numbers: totals, daily charts and the ads, for a preset range chosen by link. */
export function CampaignPerformanceSection({ campaign, performance, range, rangeError }: { campaign: Campaign; performance: CampaignPerformance; range: DateRange; rangeError: string | null }) {
  const { totals, daily, ads } = performance;
  const currency = campaign.currency;
  const resultName = PURPOSES[campaign.purpose].resultName;
  const hasData = totals.spendCents > 0 || totals.impressions > 0 || ads.length > 0;
  const figures = [
    { label: "Spend", value: formatCents(totals.spendCents, currency) },
    { label: "Impressions", value: formatCount(totals.impressions) },
    { label: "Clicks", value: formatCount(totals.clicks) },
    { label: resultName ? `Results (${resultName})` : "Results", value: formatCount(totals.conversions) },
    { label: "Cost per result", value: formatMajor(totals.cpa, currency) },
    { label: "ROAS", value: formatRoas(totals.roas) },
  ];
  return (
    <Card className="mt-6" data-testid="campaign-performance">
      <CardHeader>
        <CardTitle>Performance</CardTitle>
        <CardDescription>
          {formatRange(range)} · {currency}
        </CardDescription>
        <nav aria-label="Date range" className="flex flex-wrap gap-2 pt-2">
          {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
            <Link
              key={preset}
              href={`/campaigns/${campaign.id}?range=${preset}`}
              scroll={false}
              aria-current={range.preset === preset ? "page" : undefined}
              className={cn("rounded-full border px-3 py-1 text-xs", range.preset === preset ? "bg-primary text-primary-foreground border-primary" : "hover:bg-muted")}
            >
              {RANGE_PRESETS[preset]}
            </Link>
          ))}
        </nav>
        {rangeError && (
          <p className="text-destructive text-sm" role="alert">
            {rangeError}
          </p>
        )}
      </CardHeader>
      <CardContent className="grid gap-6">
        {!hasData ? (
          <p className="text-muted-foreground text-sm">No spend or impressions in this range yet. Numbers arrive with the performance sync, every 4 hours or when you press Sync now on the dashboard.</p>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              {figures.map((figure) => (
                <div key={figure.label} className="rounded-lg border p-3">
                  <dt className="text-muted-foreground text-xs">{figure.label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{figure.value}</dd>
                </div>
              ))}
            </dl>
            <SpendResultsCharts daily={daily} currency={currency} resultsLabel={resultName ? resultName.charAt(0).toUpperCase() + resultName.slice(1) : "Results"} />
            <RatioTrendCharts daily={daily} currency={currency} />
            <SettlingNote show={daily.some((day) => day.settling)} />
            <DailyTable daily={daily} currency={currency} />
            <div className="grid gap-2">
              <h3 className="text-sm font-medium">Ads</h3>
              {ads.length === 0 ? <p className="text-muted-foreground text-sm">No ad-level numbers in this range.</p> : <AdTable ads={ads} currency={currency} resultName={resultName} />}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
