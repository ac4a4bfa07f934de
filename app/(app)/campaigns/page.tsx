import { Megaphone, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CampaignStatus } from "@/components/campaigns/campaign-status";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { reportingToday } from "@/lib/analytics/today";
import { getSessionUser } from "@/lib/auth/session";
import { formatCents, formatMajor, formatRoas } from "@/lib/analytics/format";
import { budgetOf, listCampaigns, recentPerformance } from "@/lib/campaigns/list";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { formatMoney } from "@/lib/money";
import type { Campaign } from "@/db/schema";
import type { CampaignRow } from "@/lib/analytics/queries";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fcampaigns");
  const [campaigns, performance] = await Promise.all([listCampaigns(user.id), reportingToday(user.id).then((today) => recentPerformance(user.id, today))]);
  const newButton = (
    <Button asChild>
      <Link href="/campaigns/new">
        <Plus aria-hidden /> New campaign
      </Link>
    </Button>
  );

  return (
    <>
      <PageHeader title="Campaigns" description="Everything you run on Facebook and Instagram." actions={newButton} />
      {campaigns.length === 0 ? (
        <EmptyState icon={Megaphone} title="No campaigns yet" action={newButton}>
          The campaign builder takes you from a goal (leads, sales, awareness, app installs, events, store visits or
          retargeting) to live ads on Meta in five steps. Spend and results appear here once the first sync has run.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <thead className="bg-muted/50 text-muted-foreground text-left text-xs">
              <tr>
                <th className="px-4 py-2 font-medium">Campaign</th>
                <th className="px-4 py-2 font-medium">Status</th>
                <th className="px-4 py-2 font-medium">Budget</th>
                <th className="px-4 py-2 font-medium">Spend and results (28 days)</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => {
                const budget = budgetOf(campaign);
                const editable = campaign.launchState === "not_launched";
                return (
                  <tr key={campaign.id} className="border-t" data-testid="campaign-row">
                    <td className="px-4 py-3">
                      <Link href={editable ? `/campaigns/${campaign.id}/edit/${campaign.draft.step}` : `/campaigns/${campaign.id}`} className="font-medium hover:underline">
                        {campaign.name}
                      </Link>
                      <span className="text-muted-foreground block text-xs">{PURPOSES[campaign.purpose].label}</span>
                    </td>
                    <td className="px-4 py-3">
                      <CampaignStatus campaign={campaign} />
                    </td>
                    <td className="px-4 py-3">{budget ? `${formatMoney(budget.amount, campaign.currency)} ${budget.kind === "daily" ? "/ day" : "total"}` : "—"}</td>
                    {/* Insights arrive with the performance sync; until then this says so instead of showing zeros. */}
                    <td className="px-4 py-3 text-xs">
                      <RecentFigures campaign={campaign} figures={performance.get(campaign.id)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RecentFigures({ campaign, figures }: { campaign: Campaign; figures: CampaignRow | undefined }) {
  if (!figures) return <span className="text-muted-foreground">{campaign.metaCampaignId ? "Waiting for the first performance sync" : "Not on Meta yet"}</span>;
  const resultName = PURPOSES[campaign.purpose].resultName ?? "results";
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 tabular-nums" data-testid="campaign-figures">
      <dt className="text-muted-foreground">Spend</dt>
      <dd>{formatCents(figures.spendCents, campaign.currency)}</dd>
      <dt className="text-muted-foreground capitalize">{resultName}</dt>
      <dd>{figures.conversions.toLocaleString("en-US")}</dd>
      <dt className="text-muted-foreground">CPA</dt>
      <dd>{formatMajor(figures.cpa, campaign.currency)}</dd>
      <dt className="text-muted-foreground">ROAS</dt>
      <dd>{formatRoas(figures.roas)}</dd>
    </dl>
  );
}
