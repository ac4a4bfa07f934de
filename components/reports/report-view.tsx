import { optimizerLine } from "@/lib/reports/format";
import type { ReportSummary } from "@/lib/reports/types";
import { ReportCampaigns } from "./report-campaigns";
import { ReportHighlights } from "./report-highlights";
import { ReportPacing } from "./report-pacing";
import { ReportRecommendations } from "./report-recommendations";
import { ReportTotals } from "./report-totals";

/** A stored weekly report, as it was when it was made. */
export function ReportView({ summary }: { summary: ReportSummary }) {
  return (
    <div className="grid gap-8">
      <ReportTotals summary={summary} />
      {optimizerLine(summary) && <p className="text-sm">{optimizerLine(summary)}</p>}
      <ReportRecommendations items={summary.openRecommendations} />
      <ReportHighlights highlights={summary.highlights} />
      <ReportPacing pacing={summary.pacing} />
      <ReportCampaigns campaigns={summary.campaigns} />
    </div>
  );
}
