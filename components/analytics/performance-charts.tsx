import { formatDay } from "@/lib/analytics/format";
import type { DailyPoint } from "@/lib/analytics/queries";
import { MetricChart, type ChartPoint } from "./metric-chart";

/** Settling days carry an asterisk on the axis; the note under the chart says what it means. */
const dayLabel = (point: DailyPoint) => `${formatDay(point.date)}${point.settling ? "*" : ""}`;

function points(daily: DailyPoint[], pick: (point: DailyPoint) => number | null, name: string): ChartPoint[] {
  return daily.map((point) => ({ day: dayLabel(point), [name]: pick(point) }));
}

/**
 * Spend and results side by side: money and counts on one axis would flatten
 * one of them, so each gets its own chart over the same days.
 */
export function SpendResultsCharts({ daily, currency, resultsLabel = "Results" }: { daily: DailyPoint[]; currency: string; resultsLabel?: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-medium">Spend per day</h3>
        <MetricChart kind="area" data={points(daily, (p) => p.spend, "Spend")} categories={["Spend"]} colors={["indigo"]} format="money" currency={currency} label={`Spend per day in ${currency}`} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-medium">{resultsLabel} per day</h3>
        <MetricChart kind="bar" data={points(daily, (p) => p.conversions, resultsLabel)} categories={[resultsLabel]} colors={["emerald"]} format="count" currency={currency} label={`${resultsLabel} per day`} />
      </div>
    </div>
  );
}

/** Cost per result and return on ad spend per day; days without results have no CPA and leave a gap. */
export function RatioTrendCharts({ daily, currency }: { daily: DailyPoint[]; currency: string }) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div>
        <h3 className="mb-2 text-sm font-medium">Cost per result (CPA)</h3>
        <MetricChart kind="line" data={points(daily, (p) => p.cpa, "CPA")} categories={["CPA"]} colors={["amber"]} format="money" currency={currency} label={`Cost per result per day in ${currency}`} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-medium">Return on ad spend (ROAS)</h3>
        <MetricChart kind="line" data={points(daily, (p) => p.roas, "ROAS")} categories={["ROAS"]} colors={["rose"]} format="multiple" currency={currency} label="Return on ad spend per day" />
      </div>
    </div>
  );
}

export function SettlingNote({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p className="text-muted-foreground text-xs" data-testid="settling-note">
      * Still settling: Meta keeps attributing results to the last 3 days for a while, so their numbers can still go up.
    </p>
  );
}
