import { Badge } from "@/components/ui/badge";
import type { Recommendation } from "@/lib/reports/types";

export function ReportRecommendations({ items }: { items: Recommendation[] }) {
  return (
    <section className="grid gap-3" aria-labelledby="report-recommendations">
      <h2 id="report-recommendations" className="text-lg font-semibold">
        Recommendations
      </h2>
      {items.length === 0 ? (
        <p className="text-muted-foreground text-sm">Nothing needs your attention this week.</p>
      ) : (
        <ul className="grid gap-3">
          {items.map((item) => (
            <li key={item.id} className="grid gap-1 rounded-xl border p-4 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant={item.severity === "high" ? "destructive" : "outline"}>{item.severity === "high" ? "Act now" : "Worth a look"}</Badge>
                <span className="font-medium break-words">{item.campaignName}</span>
              </div>
              <p>{item.finding}</p>
              <p className="text-muted-foreground">{item.suggestion}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
