import { Badge } from "@/components/ui/badge";
import { formatCents, formatCount, formatMajor, formatRoas } from "@/lib/analytics/format";
import type { DailyPoint } from "@/lib/analytics/queries";

/** The charts' numbers as a table: readable without the charts, and where settling days are named in words. */
export function DailyTable({ daily, currency, summary = "Daily numbers" }: { daily: DailyPoint[]; currency: string; summary?: string }) {
  return (
    <details className="rounded-lg border">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">{summary}</summary>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={summary}>
        <table className="w-full min-w-[40rem] text-sm tabular-nums">
          <thead className="bg-muted/50 text-muted-foreground text-xs">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">Day</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Spend</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Impressions</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Clicks</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Results</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">CPA</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">ROAS</th>
            </tr>
          </thead>
          <tbody>
            {[...daily].reverse().map((point) => (
              <tr key={point.date} className="border-t" data-testid="daily-row">
                <td className="px-3 py-1.5 whitespace-nowrap">
                  {point.date}
                  {point.settling && (
                    <Badge variant="outline" className="ml-2">
                      still settling
                    </Badge>
                  )}
                </td>
                <td className="px-3 py-1.5 text-right">{formatCents(point.spendCents, currency)}</td>
                <td className="px-3 py-1.5 text-right">{formatCount(point.impressions)}</td>
                <td className="px-3 py-1.5 text-right">{formatCount(point.clicks)}</td>
                <td className="px-3 py-1.5 text-right">{formatCount(point.conversions)}</td>
                <td className="px-3 py-1.5 text-right">{formatMajor(point.cpa, currency)}</td>
                <td className="px-3 py-1.5 text-right">{formatRoas(point.roas)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
