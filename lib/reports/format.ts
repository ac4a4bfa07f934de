import { PURPOSES } from "@/lib/campaigns/purposes";
import type { CampaignPurpose } from "@/db/schema";
import { formatMoney, minorUnitDigits } from "@/lib/money";
import type { HighlightMetric, ReportSummary } from "./types";

/** Words and numbers shared by the report page and the email, so both say the same thing. */

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const yearFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "Jun 2 – Jun 8, 2025" */
export function periodLabel(start: string, end: string): string {
  return `${dayFormat.format(new Date(`${start}T00:00:00Z`))} – ${yearFormat.format(new Date(`${end}T00:00:00Z`))}`;
}

export const formatCount = (value: number) => value.toLocaleString("en-US");

/** "+12%", "−5%", or "no comparison" when last week had nothing to compare with. */
export function formatChange(value: number | null): string {
  if (value === null) return "no comparison";
  const rounded = Math.round(value * 100);
  if (rounded === 0) return "no change";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded)}%`;
}

/** A cost in major units (a ratio) shown as money of its currency. */
export function formatCost(major: number | null, currency: string): string {
  if (major === null) return "–";
  return formatMoney(Math.round(major * (minorUnitDigits(currency) === 0 ? 1 : 100)), currency);
}

export function formatRoas(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(2)}×`;
}

export function formatPercent(value: number | null, digits = 0): string {
  return value === null ? "–" : `${(value * 100).toFixed(digits)}%`;
}

export function purposeLabel(purpose: CampaignPurpose): string {
  return PURPOSES[purpose].label;
}

export function metricLabel(metric: HighlightMetric, purpose: CampaignPurpose): string {
  if (metric === "roas") return "return on ad spend";
  if (metric === "cpm") return "cost per 1,000 impressions";
  return `cost per ${(PURPOSES[purpose].resultName ?? "result").replace(/s$/, "")}`;
}

export function formatMetric(metric: HighlightMetric, value: number | null, currency: string): string {
  return metric === "roas" ? formatRoas(value) : formatCost(value, currency);
}

/** What the week's results are called: the shared name when every result-counting campaign has the same one. */
export function resultWord(summary: ReportSummary, count: number): string {
  const names = new Set(summary.campaigns.map((campaign) => PURPOSES[campaign.purpose].resultName).filter((name) => name !== null));
  const plural = names.size === 1 ? [...names][0]! : "results";
  return count === 1 ? plural.replace(/s$/, "") : plural;
}

/** "$1,234.56" or "$1,234.56 + €80.00": currencies are listed, never added together. */
export function spendLabel(summary: ReportSummary): string {
  const spent = summary.totals.filter((total) => total.current.spend > 0);
  return spent.length === 0 ? "nothing" : spent.map((total) => formatMoney(total.current.spend, total.currency)).join(" + ");
}

/** "Your AdPilot week: $1,234.56 spent, 42 purchases" */
export function reportSubject(summary: ReportSummary): string {
  const conversions = summary.totals.reduce((sum, total) => sum + total.current.conversions, 0);
  const countsResults = summary.campaigns.some((campaign) => PURPOSES[campaign.purpose].resultName !== null);
  const impressions = summary.totals.reduce((sum, total) => sum + total.current.impressions, 0);
  const outcome = countsResults ? `${formatCount(conversions)} ${resultWord(summary, conversions)}` : `${formatCount(impressions)} impressions`;
  return `Your AdPilot week: ${spendLabel(summary)} spent, ${outcome}`;
}

/** The optimizer's week in one sentence; null when it did nothing (and there is nothing to say). */
export function optimizerLine(summary: ReportSummary): string | null {
  const week = summary.optimizer;
  if (!week || (week.applied === 0 && week.rolledBack === 0)) return null;
  const parts = [`The budget optimizer made ${week.applied} budget move${week.applied === 1 ? "" : "s"} this week`];
  const notes = [week.byAutopilot > 0 ? `${week.byAutopilot} on autopilot` : null, week.rolledBack > 0 ? `${week.rolledBack} undone` : null].filter(Boolean);
  if (notes.length > 0) parts.push(` (${notes.join(", ")})`);
  const gains = week.estimatedGain.filter((gain) => gain.perDay > 0);
  if (gains.length > 0) {
    const phrases = gains.map((gain) => (gain.metric === "value" ? `${formatMoney(Math.round(gain.perDay), gain.currency)} in sales` : `${gain.perDay.toFixed(1)} ${resultWord(summary, 2)}`));
    parts.push(`; the moves still in place were estimated to add about ${phrases.join(" and ")} a day at recent returns`);
  }
  return `${parts.join("")}.`;
}
