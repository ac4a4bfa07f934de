import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { filtersQuery, type AnalyticsFilters, type SortKey } from "@/lib/analytics/filters";
import { formatCents, formatCount, formatMajor, formatPercent, formatRoas } from "@/lib/analytics/format";
import type { CampaignRow } from "@/lib/analytics/queries";
import { PURPOSES } from "@/lib/campaigns/purposes";

const COLUMNS: Array<{ key: SortKey; label: string; numeric: boolean }> = [
  { key: "name", label: "Campaign", numeric: false },
  { key: "spend", label: "Spend", numeric: true },
  { key: "impressions", label: "Impressions", numeric: true },
  { key: "reach", label: "Reach", numeric: true },
  { key: "clicks", label: "Clicks", numeric: true },
  { key: "ctr", label: "CTR", numeric: true },
  { key: "cpc", label: "CPC", numeric: true },
  { key: "conversions", label: "Results", numeric: true },
  { key: "cpa", label: "CPA", numeric: true },
  { key: "roas", label: "ROAS", numeric: true },
];

function SortHeader({ column, filters, basePath }: { column: (typeof COLUMNS)[number]; filters: AnalyticsFilters; basePath: string }) {
  const active = filters.sort === column.key;
  // A first click sorts names A→Z and figures largest first; a second click flips it.
  const next = active ? (filters.dir === "asc" ? "desc" : "asc") : column.key === "name" ? "asc" : "desc";
  const Icon = !active ? ArrowUpDown : filters.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-3 py-2 font-medium whitespace-nowrap ${column.numeric ? "text-right" : "text-left"}`}>
      <Link href={`${basePath}?${filtersQuery(filters, { sort: column.key, dir: next })}`} className="hover:text-foreground inline-flex items-center gap-1" scroll={false}>
        {column.label}
        <Icon className="size-3" aria-hidden />
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

/** Per-campaign figures, sortable by any column through links (no script needed); scrolls sideways on a phone. */
export function CampaignTable({ rows, currency, filters, basePath }: { rows: CampaignRow[]; currency: string; filters: AnalyticsFilters; basePath: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border" tabIndex={0} role="region" aria-label="Campaigns">
      <table className="w-full min-w-[56rem] text-sm">
        <thead className="bg-muted/50 text-muted-foreground text-xs">
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column} filters={filters} basePath={basePath} />
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((row) => {
            const resultName = PURPOSES[row.purpose].resultName;
            return (
              <tr key={row.id} className="border-t" data-testid="analytics-campaign-row">
                <td className="px-3 py-2">
                  <Link href={`/campaigns/${row.id}`} className="font-medium hover:underline">
                    {row.name}
                  </Link>
                  <span className="text-muted-foreground block text-xs">
                    {PURPOSES[row.purpose].label} · {row.status}
                  </span>
                </td>
                <td className="px-3 py-2 text-right">{formatCents(row.spendCents, currency)}</td>
                <td className="px-3 py-2 text-right">{formatCount(row.impressions)}</td>
                <td className="px-3 py-2 text-right">{formatCount(row.reach)}</td>
                <td className="px-3 py-2 text-right">{formatCount(row.clicks)}</td>
                <td className="px-3 py-2 text-right">{formatPercent(row.ctr)}</td>
                <td className="px-3 py-2 text-right">{formatMajor(row.cpc, currency)}</td>
                <td className="px-3 py-2 text-right">
                  {formatCount(row.conversions)}
                  {resultName && <span className="text-muted-foreground block text-xs">{resultName}</span>}
                </td>
                <td className="px-3 py-2 text-right">{formatMajor(row.cpa, currency)}</td>
                <td className="px-3 py-2 text-right">{formatRoas(row.roas)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
