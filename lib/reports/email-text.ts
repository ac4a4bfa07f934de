import { formatMoney } from "@/lib/money";
import { formatChange, formatCost, formatCount, formatMetric, formatPercent, formatRoas, metricLabel, optimizerLine, periodLabel, purposeLabel, resultWord } from "./format";
import type { ReportSummary } from "./types";

/** The plain-text part of the email: the same content as the HTML, for clients that show text only. */
export function reportEmailText(summary: ReportSummary, links: { report: string; settings: string }): string {
  const lines: string[] = [`Your week on Meta ads: ${periodLabel(summary.periodStart, summary.periodEnd)} (compared with the week before)`, ""];
  for (const total of summary.totals) {
    if (summary.totals.length > 1) lines.push(`In ${total.currency}:`);
    lines.push(
      `  Spend: ${formatMoney(total.current.spend, total.currency)} (${formatChange(total.changes.spend)})`,
      `  ${resultWord(summary, 2).replace(/^./, (c) => c.toUpperCase())}: ${formatCount(total.current.conversions)} (${formatChange(total.changes.conversions)})`,
      `  Cost per result: ${formatCost(total.ratios.current.cpa, total.currency)} (${formatChange(total.changes.cpa)})`,
    );
    if (total.current.conversionValue > 0 || total.previous.conversionValue > 0) {
      lines.push(
        `  Purchase value: ${formatMoney(total.current.conversionValue, total.currency)} (${formatChange(total.changes.conversionValue)})`,
        `  Return on ad spend: ${formatRoas(total.ratios.current.roas)} (${formatChange(total.changes.roas)})`,
      );
    }
    lines.push(`  Clicks: ${formatCount(total.current.clicks)}, click-through rate ${formatPercent(total.ratios.current.ctr, 2)}`, "");
  }
  if (summary.highlights.length > 0) {
    lines.push("Best and worst campaigns");
    for (const highlight of summary.highlights) {
      const label = metricLabel(highlight.metric, highlight.purpose);
      if (highlight.best) lines.push(`  Best (${purposeLabel(highlight.purpose)}): ${highlight.best.name} — ${label} ${formatMetric(highlight.metric, highlight.best.value, highlight.currency)}`);
      if (highlight.worst) {
        const value =
          highlight.worst.value === null
            ? `spent ${formatMoney(highlight.worst.spend, highlight.currency)} with no results`
            : `${label} ${formatMetric(highlight.metric, highlight.worst.value, highlight.currency)}`;
        lines.push(`  Needs attention (${purposeLabel(highlight.purpose)}): ${highlight.worst.name} — ${value}`);
      }
    }
    lines.push("");
  }
  if (summary.pacing.length > 0) {
    lines.push("Budget pacing");
    for (const line of summary.pacing) {
      lines.push(
        `  ${line.name}: ${formatPercent(line.ratio)} (${formatMoney(line.spend, line.currency)} of ${formatMoney(line.expected, line.currency)} ${line.kind === "daily" ? "this week" : "so far"})`,
      );
    }
    lines.push("");
  }
  lines.push("Recommendations");
  const optimizer = optimizerLine(summary);
  if (optimizer) lines.push(`  ${optimizer}`);
  if (summary.openRecommendations.length === 0) lines.push("  Nothing needs your attention this week.");
  for (const item of summary.openRecommendations) lines.push(`  ${item.campaignName}: ${item.finding}`, `    ${item.suggestion}`);
  lines.push("", `Open the full report: ${links.report}`, `Turn this email off in Settings: ${links.settings}`);
  return lines.join("\n");
}
