import { formatMoney } from "@/lib/money";
import { formatPercent } from "@/lib/reports/format";
import type { Pacing } from "@/lib/reports/types";

/** Spend against budget: daily budgets over this week's scheduled days, lifetime budgets over the schedule so far. */
export function ReportPacing({ pacing }: { pacing: Pacing[] }) {
  if (pacing.length === 0) return null;
  return (
    <section className="grid gap-3" aria-labelledby="report-pacing">
      <h2 id="report-pacing" className="text-lg font-semibold">
        Budget pacing
      </h2>
      <div className="overflow-x-auto rounded-xl border">
        <table className="w-full min-w-[28rem] text-sm">
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="p-3 font-medium">Campaign</th>
              <th scope="col" className="p-3 font-medium">Budget</th>
              <th scope="col" className="p-3 text-right font-medium">Spent</th>
              <th scope="col" className="p-3 text-right font-medium">Pace</th>
            </tr>
          </thead>
          <tbody>
            {pacing.map((line) => (
              <tr key={line.campaignId} className="border-b last:border-0">
                <th scope="row" className="p-3 text-left font-normal break-words">{line.name}</th>
                <td className="text-muted-foreground p-3">
                  {formatMoney(line.budget, line.currency)} {line.kind === "daily" ? "a day" : "in total"}
                </td>
                <td className="p-3 text-right tabular-nums">
                  {formatMoney(line.spend, line.currency)}
                  <span className="text-muted-foreground"> of {formatMoney(line.expected, line.currency)}</span>
                </td>
                <td className="p-3 text-right font-medium tabular-nums">{formatPercent(line.ratio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
