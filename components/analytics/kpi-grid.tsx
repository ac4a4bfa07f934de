import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { formatChange } from "@/lib/analytics/format";
import type { KpiCard } from "@/lib/analytics/kpis";
import { cn } from "@/lib/utils";

const TREND_CLASS = {
  better: "text-emerald-700 dark:text-emerald-400",
  worse: "text-rose-700 dark:text-rose-400",
  neutral: "text-muted-foreground",
} as const;

/** The headline figures, each with its change against the period before; cards stack on a phone. */
export function KpiGrid({ cards, comparedWith }: { cards: KpiCard[]; comparedWith: string }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Key figures" data-testid="kpi-grid">
      {cards.map((card) => {
        const Arrow = card.change === null || card.change === 0 ? Minus : card.change > 0 ? ArrowUpRight : ArrowDownRight;
        return (
          <li key={card.key} className="bg-card rounded-lg border p-3" data-kpi={card.key}>
            <p className="text-muted-foreground text-xs font-medium">
              {card.label}
              {card.hint && <span className="sr-only"> ({card.hint})</span>}
            </p>
            <p className="mt-1 text-lg font-semibold tabular-nums sm:text-xl">{card.value}</p>
            <p className={cn("mt-1 flex items-center gap-1 text-xs tabular-nums", TREND_CLASS[card.trend])} title={`Compared with ${comparedWith}`}>
              <Arrow className="size-3.5" aria-hidden />
              {formatChange(card.change)}
              <span className="sr-only">
                {" "}
                compared with {comparedWith}
                {card.trend !== "neutral" && ` (${card.trend})`}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
