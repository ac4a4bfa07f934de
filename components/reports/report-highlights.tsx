import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { formatMetric, metricLabel, purposeLabel } from "@/lib/reports/format";
import type { Highlight, HighlightPick } from "@/lib/reports/types";

function Pick({ kind, pick, highlight }: { kind: "best" | "worst"; pick: HighlightPick; highlight: Highlight }) {
  const value =
    pick.value === null
      ? `spent ${formatMoney(pick.spend, highlight.currency)} with no results`
      : `${metricLabel(highlight.metric, highlight.purpose)} ${formatMetric(highlight.metric, pick.value, highlight.currency)}`;
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
      <Badge variant={kind === "best" ? "secondary" : "destructive"}>{kind === "best" ? "Best" : "Needs attention"}</Badge>
      <Link href={`/campaigns/${pick.campaignId}`} className="font-medium break-words underline-offset-2 hover:underline">
        {pick.name}
      </Link>
      <span className="text-muted-foreground">{value}</span>
    </li>
  );
}

/** Best and worst per purpose and currency: a lead's cost is never ranked against a sale's. */
export function ReportHighlights({ highlights }: { highlights: Highlight[] }) {
  if (highlights.length === 0) return null;
  return (
    <section className="grid gap-3" aria-labelledby="report-highlights">
      <h2 id="report-highlights" className="text-lg font-semibold">
        Best and worst campaigns
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {highlights.map((highlight) => (
          <div key={`${highlight.purpose}:${highlight.currency}`} className="grid gap-2 rounded-xl border p-4">
            <h3 className="text-sm font-medium">
              {purposeLabel(highlight.purpose)} <span className="text-muted-foreground font-normal">({highlight.currency})</span>
            </h3>
            <ul className="grid gap-2">
              {highlight.best && <Pick kind="best" pick={highlight.best} highlight={highlight} />}
              {highlight.worst && <Pick kind="worst" pick={highlight.worst} highlight={highlight} />}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
