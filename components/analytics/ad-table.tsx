import { formatCents, formatCount, formatMajor, formatPercent, formatRoas } from "@/lib/analytics/format";
import type { AdRow } from "@/lib/analytics/campaign-performance";

/** One campaign's ads over the range, most spend first; scrolls sideways on a phone. */
export function AdTable({ ads, currency, resultName }: { ads: AdRow[]; currency: string; resultName: string | null }) {
  return (
    <div className="overflow-x-auto rounded-lg border" tabIndex={0} role="region" aria-label="Ads">
      <table className="w-full min-w-[44rem] text-sm tabular-nums">
        <thead className="bg-muted/50 text-muted-foreground text-xs">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Ad</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Spend</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Impressions</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Clicks</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">CTR</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{resultName ? `Results (${resultName})` : "Results"}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{resultName ? `Cost per ${resultName.replace(/s$/, "")}` : "CPA"}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">ROAS</th>
          </tr>
        </thead>
        <tbody>
          {ads.map((ad) => (
            <tr key={ad.metaAdId} className="border-t" data-testid="ad-row">
              <td className="px-3 py-2">
                <span className="font-medium">{ad.label}</span>
                {ad.label !== ad.metaAdId && <span className="text-muted-foreground block font-mono text-xs">{ad.metaAdId}</span>}
              </td>
              <td className="px-3 py-2 text-right">{formatCents(ad.spendCents, currency)}</td>
              <td className="px-3 py-2 text-right">{formatCount(ad.impressions)}</td>
              <td className="px-3 py-2 text-right">{formatCount(ad.clicks)}</td>
              <td className="px-3 py-2 text-right">{formatPercent(ad.ctr)}</td>
              <td className="px-3 py-2 text-right">{formatCount(ad.conversions)}</td>
              <td className="px-3 py-2 text-right">{formatMajor(ad.cpa, currency)}</td>
              <td className="px-3 py-2 text-right">{formatRoas(ad.roas)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
