import { Card, CardContent } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import { formatChange, formatCost, formatCount, formatPercent, formatRoas, resultWord } from "@/lib/reports/format";
import type { CurrencyTotals, ReportSummary } from "@/lib/reports/types";

function Stat({ label, value, change }: { label: string; value: string; change: number | null }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      <dd className="text-muted-foreground text-xs tabular-nums">{formatChange(change)} vs last week</dd>
    </div>
  );
}

function CurrencyCard({ total, results, showCurrency }: { total: CurrencyTotals; results: string; showCurrency: boolean }) {
  const hasValue = total.current.conversionValue > 0 || total.previous.conversionValue > 0;
  return (
    <Card>
      <CardContent className="grid gap-3">
        {showCurrency && <h3 className="text-sm font-medium">In {total.currency}</h3>}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Spend" value={formatMoney(total.current.spend, total.currency)} change={total.changes.spend} />
          <Stat label={results} value={formatCount(total.current.conversions)} change={total.changes.conversions} />
          <Stat label="Cost per result" value={formatCost(total.ratios.current.cpa, total.currency)} change={total.changes.cpa} />
          {hasValue && <Stat label="Purchase value" value={formatMoney(total.current.conversionValue, total.currency)} change={total.changes.conversionValue} />}
          {hasValue && <Stat label="Return on ad spend" value={formatRoas(total.ratios.current.roas)} change={total.changes.roas} />}
          <Stat label="Clicks" value={formatCount(total.current.clicks)} change={total.changes.clicks} />
          <Stat label="Click-through rate" value={formatPercent(total.ratios.current.ctr, 2)} change={total.changes.ctr} />
        </dl>
      </CardContent>
    </Card>
  );
}

/** One card per currency: amounts in different currencies are never added together. */
export function ReportTotals({ summary }: { summary: ReportSummary }) {
  const results = resultWord(summary, 2).replace(/^./, (letter) => letter.toUpperCase());
  return (
    <section className="grid gap-3" aria-labelledby="report-totals">
      <h2 id="report-totals" className="text-lg font-semibold">
        Totals
      </h2>
      {summary.totals.map((total) => (
        <CurrencyCard key={total.currency} total={total} results={results} showCurrency={summary.totals.length > 1} />
      ))}
    </section>
  );
}
