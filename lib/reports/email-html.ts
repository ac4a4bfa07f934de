import { escapeHtml } from "@/lib/email/escape-html";
import { formatMoney } from "@/lib/money";
import { formatChange, formatCost, formatCount, formatMetric, formatPercent, formatRoas, metricLabel, optimizerLine, periodLabel, purposeLabel, resultWord } from "./format";
import type { ReportSummary } from "./types";

/**
 * The report as an HTML email: tables and inline styles only, which is what
 * Gmail, Outlook and Apple Mail render alike. Every string that came from a
 * person (campaign names) or from data goes through escapeHtml.
 */

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const MUTED = "color:#6b7280;";
const CELL = `${FONT}padding:8px 0;border-bottom:1px solid #e5e7eb;font-size:14px;`;

const e = escapeHtml;

function heading(text: string): string {
  return `<tr><td style="${FONT}padding:24px 0 8px;font-size:16px;font-weight:600;color:#111827;">${e(text)}</td></tr>`;
}

function row(label: string, value: string, note = ""): string {
  return `<tr><td style="${CELL}color:#374151;">${e(label)}</td><td align="right" style="${CELL}color:#111827;font-weight:600;">${e(value)}</td><td align="right" style="${CELL}${MUTED}padding-left:12px;white-space:nowrap;">${e(note)}</td></tr>`;
}

function table(rows: string[]): string {
  return `<tr><td><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${rows.join("")}</table></td></tr>`;
}

function paragraph(html: string, style = ""): string {
  return `<tr><td style="${FONT}padding:6px 0;font-size:14px;line-height:1.5;color:#374151;${style}">${html}</td></tr>`;
}

function totalsSection(summary: ReportSummary): string[] {
  return summary.totals.flatMap((total) => {
    const rows = [
      row("Spend", formatMoney(total.current.spend, total.currency), formatChange(total.changes.spend)),
      row(resultWord(summary, 2).replace(/^./, (c) => c.toUpperCase()), formatCount(total.current.conversions), formatChange(total.changes.conversions)),
      row("Cost per result", formatCost(total.ratios.current.cpa, total.currency), formatChange(total.changes.cpa)),
      ...(total.current.conversionValue > 0 || total.previous.conversionValue > 0
        ? [
            row("Purchase value", formatMoney(total.current.conversionValue, total.currency), formatChange(total.changes.conversionValue)),
            row("Return on ad spend", formatRoas(total.ratios.current.roas), formatChange(total.changes.roas)),
          ]
        : []),
      row("Clicks", formatCount(total.current.clicks), formatChange(total.changes.clicks)),
      row("Click-through rate", formatPercent(total.ratios.current.ctr, 2), formatChange(total.changes.ctr)),
    ];
    return [...(summary.totals.length > 1 ? [heading(`In ${total.currency}`)] : []), table(rows)];
  });
}

function highlightsSection(summary: ReportSummary): string[] {
  if (summary.highlights.length === 0) return [];
  const lines = summary.highlights.flatMap((highlight) => {
    const label = metricLabel(highlight.metric, highlight.purpose);
    const out: string[] = [];
    if (highlight.best) {
      out.push(
        paragraph(
          `<strong style="color:#047857;">Best</strong> (${e(purposeLabel(highlight.purpose))}): ${e(highlight.best.name)} — ${e(label)} ${e(formatMetric(highlight.metric, highlight.best.value, highlight.currency))}`,
        ),
      );
    }
    if (highlight.worst) {
      const value =
        highlight.worst.value === null
          ? `spent ${formatMoney(highlight.worst.spend, highlight.currency)} with no results`
          : `${label} ${formatMetric(highlight.metric, highlight.worst.value, highlight.currency)}`;
      out.push(paragraph(`<strong style="color:#b91c1c;">Needs attention</strong> (${e(purposeLabel(highlight.purpose))}): ${e(highlight.worst.name)} — ${e(value)}`));
    }
    return out;
  });
  return [heading("Best and worst campaigns"), ...lines];
}

function pacingSection(summary: ReportSummary): string[] {
  if (summary.pacing.length === 0) return [];
  const rows = summary.pacing.map((line) =>
    row(
      line.name,
      formatPercent(line.ratio),
      `${formatMoney(line.spend, line.currency)} of ${formatMoney(line.expected, line.currency)} ${line.kind === "daily" ? "this week" : "so far"}`,
    ),
  );
  return [heading("Budget pacing"), table(rows)];
}

function recommendationsSection(summary: ReportSummary): string[] {
  const optimizer = optimizerLine(summary);
  const said = optimizer ? [paragraph(e(optimizer))] : [];
  if (summary.openRecommendations.length === 0) return [heading("Recommendations"), ...said, paragraph("Nothing needs your attention this week.")];
  return [
    heading("Recommendations"),
    ...said,
    ...summary.openRecommendations.map((item) =>
      paragraph(`<strong>${e(item.campaignName)}</strong>: ${e(item.finding)}<br><span style="${MUTED}">${e(item.suggestion)}</span>`),
    ),
  ];
}

export function reportEmailHtml(summary: ReportSummary, links: { report: string; settings: string }): string {
  const body = [
    `<tr><td style="${FONT}font-size:22px;font-weight:700;color:#111827;padding-bottom:4px;">Your week on Meta ads</td></tr>`,
    paragraph(e(periodLabel(summary.periodStart, summary.periodEnd)) + " · compared with the week before", MUTED),
    ...totalsSection(summary),
    ...highlightsSection(summary),
    ...pacingSection(summary),
    ...recommendationsSection(summary),
    `<tr><td style="padding:28px 0 8px;"><a href="${e(links.report)}" style="${FONT}display:inline-block;background:#111827;color:#ffffff;text-decoration:none;font-size:14px;font-weight:600;padding:12px 20px;border-radius:6px;">Open the full report</a></td></tr>`,
    paragraph(
      `You get this email because you turned on the weekly report in <a href="${e(links.settings)}" style="color:#374151;">Settings</a>, where you can turn it off. The last days of the week may still change as Meta attributes late results.`,
      `${MUTED}font-size:12px;padding-top:16px;`,
    ),
  ].join("");
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Your AdPilot week</title></head>`,
    `<body style="margin:0;padding:0;background:#f3f4f6;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px;"><tr><td style="padding:24px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${body}</table>`,
    "</td></tr></table></td></tr></table></body></html>",
  ].join("");
}
