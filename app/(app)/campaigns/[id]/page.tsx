import { Copy, Pause, Pencil, Play, RotateCcw, Archive } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { changeCampaignAction, duplicateCampaignAction, resumeLaunchAction } from "@/app/(app)/campaigns/actions";
import { CampaignPerformanceSection } from "@/components/analytics/campaign-performance-section";
import { setOptimizerModeAction } from "@/app/(app)/optimizer/actions";
import { CampaignStatus } from "@/components/campaigns/campaign-status";
import { RecommendationCard } from "@/components/optimizer/recommendation-card";
import { NativeSelect } from "@/components/ui/native-select";
import { PageHeader } from "@/components/common/page-header";
import { LiveRun } from "@/components/jobs/live-run";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { campaignPerformance } from "@/lib/analytics/campaign-performance";
import { parseRange } from "@/lib/analytics/range";
import { reportingToday } from "@/lib/analytics/today";
import { getSessionUser } from "@/lib/auth/session";
import { tierLimits } from "@/lib/auth/tiers";
import { getDraft } from "@/lib/campaigns/drafts";
import { budgetOf } from "@/lib/campaigns/list";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { formatMoney, toDecimalString } from "@/lib/money";
import { visibleRecommendations } from "@/lib/optimizer/daily/queries";

export const metadata: Metadata = { title: "Campaign" };

function Hidden({ id }: { id: string }) {
  return <input type="hidden" name="campaignId" value={id} />;
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fcampaigns");
  const { id } = await params;
  const query = await searchParams;
  const draft = z.uuid().safeParse(id).success ? await getDraft(user.id, id) : null;
  if (!draft) notFound();
  const { campaign, ads } = draft;
  if (campaign.launchState === "not_launched") redirect(`/campaigns/${campaign.id}/edit/${campaign.draft.step}`);
  const budget = budgetOf(campaign);
  const live = campaign.launchState === "launched" && campaign.status !== "archived";
  // Numbers exist only once Meta has the campaign; getDraft above already checked it is the user's.
  const now = new Date();
  const today = await reportingToday(user.id, now);
  const { range, error: rangeError } = parseRange({ range: query.range, since: query.since, until: query.until }, today);
  const [performance, recommendations] = await Promise.all([
    campaign.metaCampaignId ? campaignPerformance(user.id, campaign.id, range, today) : null,
    visibleRecommendations(user.id, campaign.id),
  ]);
  const autopilotAllowed = tierLimits(user.subscriptionTier).autopilot;

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`${PURPOSES[campaign.purpose].label} · ad account ${campaign.adAccountId}`}
        actions={
          <form action={duplicateCampaignAction}>
            <Hidden id={campaign.id} />
            <Button type="submit" variant="outline">
              <Copy aria-hidden /> Duplicate
            </Button>
          </form>
        }
      />
      {query.error && (
        <Alert variant="destructive" className="mb-4" role="alert">
          <AlertDescription>{query.error}</AlertDescription>
        </Alert>
      )}
      {query.change && (
        <div className="mb-4">
          <LiveRun runId={query.change} />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-3">
              Status <CampaignStatus campaign={campaign} />
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 text-sm">
            {campaign.launchState === "launching" && campaign.launchRunId && <LiveRun runId={campaign.launchRunId} />}
            {campaign.launchState === "failed" && (
              <div className="grid gap-3" role="alert">
                <p className="text-destructive">The launch stopped: {campaign.launchError ?? "Meta refused a step."}</p>
                <div className="flex flex-wrap gap-2">
                  <Button asChild variant="outline" size="sm">
                    <Link href={`/campaigns/${campaign.id}/edit/review`}>
                      <Pencil aria-hidden /> Fix the campaign
                    </Link>
                  </Button>
                  <form action={resumeLaunchAction}>
                    <Hidden id={campaign.id} />
                    <Button type="submit" size="sm">
                      <RotateCcw aria-hidden /> Resume the launch
                    </Button>
                  </form>
                </div>
              </div>
            )}
            <dl className="grid gap-2 sm:grid-cols-2" data-testid="meta-ids">
              <div>
                <dt className="text-muted-foreground text-xs">Meta campaign</dt>
                <dd className="font-mono">{campaign.metaCampaignId ?? "not created yet"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground text-xs">Meta ad set</dt>
                <dd className="font-mono">{campaign.metaAdSetId ?? "not created yet"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground text-xs">Meta reports</dt>
                <dd>{campaign.metaStatus ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground text-xs">Budget</dt>
                <dd>{budget ? `${formatMoney(budget.amount, campaign.currency)} ${budget.kind === "daily" ? "per day" : "in total"}` : "—"}</dd>
              </div>
            </dl>
            <ul className="grid gap-2">
              {ads.map((ad, index) => (
                <li key={ad.id} className="flex justify-between gap-2 rounded border px-3 py-2">
                  <span>
                    Ad {index + 1}: {ad.headline}
                  </span>
                  <span className="text-muted-foreground font-mono text-xs">{ad.metaAdId ?? "pending"}</span>
                </li>
              ))}
            </ul>
            {!performance && <p className="text-muted-foreground text-xs">Spend and results appear once the performance sync has run.</p>}
          </CardContent>
        </Card>
        {live && (
          <Card>
            <CardHeader>
              <CardTitle>Change</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <form action={changeCampaignAction}>
                <Hidden id={campaign.id} />
                <input type="hidden" name="kind" value={campaign.status === "active" ? "pause" : "resume"} />
                <Button type="submit" variant="outline" className="w-full">
                  {campaign.status === "active" ? <Pause aria-hidden /> : <Play aria-hidden />}
                  {campaign.status === "active" ? "Pause" : "Resume"}
                </Button>
              </form>
              <form action={changeCampaignAction} className="grid gap-2">
                <Hidden id={campaign.id} />
                <input type="hidden" name="kind" value="budget" />
                <label htmlFor="amount" className="text-sm font-medium">
                  New {budget?.kind === "lifetime" ? "total" : "daily"} budget ({campaign.currency})
                </label>
                <Input id="amount" name="amount" inputMode="decimal" defaultValue={budget ? toDecimalString(budget.amount, campaign.currency) : ""} />
                <p className="text-muted-foreground text-xs">A change of more than 20% sends Meta back into its learning phase for a few days. Meta allows 4 budget changes an hour.</p>
                <Button type="submit" variant="outline">
                  Change budget
                </Button>
              </form>
              <form action={setOptimizerModeAction} className="grid gap-2">
                <Hidden id={campaign.id} />
                <label htmlFor="optimizer-mode" className="text-sm font-medium">
                  Budget optimizer
                </label>
                <NativeSelect id="optimizer-mode" name="mode" defaultValue={campaign.optimizerMode}>
                  <option value="recommend">Recommend changes (I approve each)</option>
                  <option value="autopilot" disabled={!autopilotAllowed}>
                    Autopilot{autopilotAllowed ? " (applies changes within ±20% a day)" : " (Professional and Business plans)"}
                  </option>
                  <option value="off">Off</option>
                </NativeSelect>
                <p className="text-muted-foreground text-xs">Each morning AdPilot compares this campaign with your others of the same goal on this ad account and moves budget toward the cheaper results. Every change can be undone.</p>
                <Button type="submit" variant="outline">
                  Save
                </Button>
              </form>
              <form action={changeCampaignAction}>
                <Hidden id={campaign.id} />
                <input type="hidden" name="kind" value="archive" />
                <Button type="submit" variant="ghost" className="text-destructive w-full">
                  <Archive aria-hidden /> Archive
                </Button>
              </form>
            </CardContent>
          </Card>
        )}
      </div>
      {recommendations.length > 0 && (
        <section aria-labelledby="campaign-recommendations" className="mt-6 grid gap-3">
          <h2 id="campaign-recommendations" className="text-sm font-medium">
            Recommendations
          </h2>
          <div className="grid gap-3 lg:grid-cols-2">
            {recommendations.map((recommendation) => (
              <RecommendationCard key={recommendation.id} recommendation={recommendation} returnTo={`/campaigns/${campaign.id}`} now={now} />
            ))}
          </div>
        </section>
      )}
      {performance && <CampaignPerformanceSection campaign={campaign} performance={performance} range={range} rangeError={rangeError} />}
    </>
  );
}
