import type { Measured } from "./sums";
import { change } from "./metrics";
import { formatCents, formatCount, formatMajor, formatPercent, formatRoas } from "./format";

/** Which way is good: more clicks is better, a higher cost per click is worse; spend is neither. */
export type Better = "higher" | "lower" | null;

export type KpiKey = "spend" | "impressions" | "reach" | "clicks" | "conversions" | "ctr" | "cpc" | "cpa" | "roas";

type KpiDefinition = { key: KpiKey; label: string; better: Better; hint?: string; format: (figures: Measured, currency: string) => string; value: (figures: Measured) => number | null };

export const KPIS: KpiDefinition[] = [
  { key: "spend", label: "Spend", better: null, format: (f, c) => formatCents(f.spendCents, c), value: (f) => f.spendCents },
  { key: "impressions", label: "Impressions", better: "higher", format: (f) => formatCount(f.impressions), value: (f) => f.impressions },
  // Meta's reach is people per day and campaign; adding days counts a person once per day.
  { key: "reach", label: "Reach", better: "higher", hint: "sum of daily reach", format: (f) => formatCount(f.reach), value: (f) => f.reach },
  { key: "clicks", label: "Clicks", better: "higher", format: (f) => formatCount(f.clicks), value: (f) => f.clicks },
  { key: "conversions", label: "Results", better: "higher", format: (f) => formatCount(f.conversions), value: (f) => f.conversions },
  { key: "ctr", label: "CTR", better: "higher", hint: "clicks per impression", format: (f) => formatPercent(f.ctr), value: (f) => f.ctr },
  { key: "cpc", label: "CPC", better: "lower", hint: "cost per click", format: (f, c) => formatMajor(f.cpc, c), value: (f) => f.cpc },
  { key: "cpa", label: "CPA", better: "lower", hint: "cost per result", format: (f, c) => formatMajor(f.cpa, c), value: (f) => f.cpa },
  { key: "roas", label: "ROAS", better: "higher", hint: "value per unit spent", format: (f) => formatRoas(f.roas), value: (f) => f.roas },
];

export type Trend = "better" | "worse" | "neutral";

/** Colour of a change: green when it moved the good way (down for CPA/CPC), red the bad way. */
export function trendOf(better: Better, delta: number | null): Trend {
  if (better === null || delta === null || delta === 0) return "neutral";
  return (delta > 0) === (better === "higher") ? "better" : "worse";
}

export type KpiCard = { key: KpiKey; label: string; hint?: string; value: string; change: number | null; trend: Trend };

export function kpiCards(current: Measured, previous: Measured, currency: string): KpiCard[] {
  return KPIS.map((kpi) => {
    const delta = change(kpi.value(current), kpi.value(previous));
    return { key: kpi.key, label: kpi.label, hint: kpi.hint, value: kpi.format(current, currency), change: delta, trend: trendOf(kpi.better, delta) };
  });
}
