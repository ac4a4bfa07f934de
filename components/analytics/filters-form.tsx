import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { filtersQuery, type AnalyticsFilters } from "@/lib/analytics/filters";
import { formatCents } from "@/lib/analytics/format";
import type { CurrencySpend } from "@/lib/analytics/queries";
import { presetRange, RANGE_PRESETS, type RangePreset } from "@/lib/analytics/range";
import { cn } from "@/lib/utils";

/**
 * The page's filters as a plain GET form: every view is a URL that can be
 * bookmarked or shared, and the CSV export reads the same parameters.
 */
export function FiltersForm({
  filters,
  today,
  campaigns,
  currencies,
  currency,
}: {
  filters: AnalyticsFilters;
  today: string;
  campaigns: Array<{ id: string; name: string; currency: string }>;
  currencies: CurrencySpend[];
  currency: string | null;
}) {
  const selected = new Set(filters.campaignIds);
  return (
    <div className="grid gap-3">
      <nav aria-label="Date range" className="flex flex-wrap gap-2">
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
          <Link
            key={preset}
            href={`/analytics?${filtersQuery(filters, { range: presetRange(preset, today) })}`}
            aria-current={filters.range.preset === preset ? "page" : undefined}
            className={cn("rounded-full border px-3 py-1 text-xs", filters.range.preset === preset ? "bg-primary text-primary-foreground border-primary" : "hover:bg-muted")}
          >
            {RANGE_PRESETS[preset]}
          </Link>
        ))}
      </nav>
      <form method="get" action="/analytics" className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-[auto_auto_1fr_auto_auto] lg:items-end">
        <input type="hidden" name="range" value="custom" />
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <div className="grid gap-1">
          <Label htmlFor="since">From</Label>
          <Input id="since" name="since" type="date" max={today} defaultValue={filters.range.since} required />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="until">To</Label>
          <Input id="until" name="until" type="date" max={today} defaultValue={filters.range.until} required />
        </div>
        <details className="relative rounded-md border px-3 py-2 text-sm">
          <summary className="cursor-pointer">{selected.size === 0 ? "All campaigns" : `${selected.size} campaign${selected.size === 1 ? "" : "s"} selected`}</summary>
          <fieldset className="mt-2 grid max-h-56 gap-1 overflow-y-auto">
            <legend className="sr-only">Campaigns to include (none ticked = all)</legend>
            {campaigns.length === 0 && <p className="text-muted-foreground text-xs">No launched campaigns yet.</p>}
            {campaigns.map((campaign) => (
              <label key={campaign.id} className="flex items-center gap-2">
                <input type="checkbox" name="campaign" value={campaign.id} defaultChecked={selected.has(campaign.id)} className="size-4" />
                <span className="truncate">{campaign.name}</span>
                <span className="text-muted-foreground text-xs">{campaign.currency}</span>
              </label>
            ))}
          </fieldset>
        </details>
        {currencies.length > 1 ? (
          <div className="grid gap-1">
            <Label htmlFor="currency">Currency</Label>
            <NativeSelect id="currency" name="currency" defaultValue={currency ?? undefined}>
              {currencies.map((option) => (
                <option key={option.currency} value={option.currency}>
                  {option.currency} ({formatCents(option.spendCents, option.currency)} spent)
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : (
          currency && <input type="hidden" name="currency" value={currency} />
        )}
        <Button type="submit">Apply</Button>
      </form>
    </div>
  );
}
