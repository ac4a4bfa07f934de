import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { formatChange, formatCost, formatCount, purposeLabel } from "@/lib/reports/format";
import { ratiosOfSums } from "@/lib/reports/sums";
import type { CampaignWeek } from "@/lib/reports/types";
import { change } from "@/lib/analytics/metrics";

/** Every campaign with data in either week, biggest spend first. */
export function ReportCampaigns({ campaigns }: { campaigns: CampaignWeek[] }) {
  const sorted = [...campaigns].sort((a, b) => b.current.spend - a.current.spend || a.name.localeCompare(b.name));
  return (
    <section className="grid gap-3" aria-labelledby="report-campaigns">
      <h2 id="report-campaigns" className="text-lg font-semibold">
        Campaigns
      </h2>
      <div className="overflow-x-auto rounded-xl border">
        <table className="w-full min-w-[36rem] text-sm">
          <thead>
            <tr className="border-b text-left">
              <th scope="col" className="p-3 font-medium">Campaign</th>
              <th scope="col" className="p-3 text-right font-medium">Spend</th>
              <th scope="col" className="p-3 text-right font-medium">Results</th>
              <th scope="col" className="p-3 text-right font-medium">Cost per result</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((campaign) => (
              <tr key={campaign.campaignId} className="border-b last:border-0">
                <th scope="row" className="p-3 text-left font-normal">
                  <Link href={`/campaigns/${campaign.campaignId}`} className="font-medium break-words underline-offset-2 hover:underline">
                    {campaign.name}
                  </Link>
                  <div className="text-muted-foreground text-xs">{purposeLabel(campaign.purpose)}</div>
                </th>
                <td className="p-3 text-right tabular-nums">
                  {formatMoney(campaign.current.spend, campaign.currency)}
                  <div className="text-muted-foreground text-xs">{formatChange(change(campaign.current.spend, campaign.previous.spend))}</div>
                </td>
                <td className="p-3 text-right tabular-nums">{formatCount(campaign.current.conversions)}</td>
                <td className="p-3 text-right tabular-nums">{formatCost(ratiosOfSums(campaign.current, campaign.currency).cpa, campaign.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
