import { CheckCircle2, Circle, LineChart, PlugZap } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CurrencySwitch } from "@/components/analytics/currency-switch";
import { KpiGrid } from "@/components/analytics/kpi-grid";
import { SettlingNote, SpendResultsCharts } from "@/components/analytics/performance-charts";
import { SyncNowButton, SyncPanel } from "@/components/analytics/sync-panel";
import { EmptyState } from "@/components/common/empty-state";
import { RecommendationCard } from "@/components/optimizer/recommendation-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FlashToast } from "@/components/common/flash-toast";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatRange } from "@/lib/analytics/format";
import { kpiCards } from "@/lib/analytics/kpis";
import { reportingToday } from "@/lib/analytics/today";
import { requestedRuns, syncMessage } from "@/lib/analytics/sync-params";
import { lastSyncedAt, syncStatusFor } from "@/lib/analytics/sync/status";
import { dashboardView } from "@/lib/analytics/views";
import { z } from "zod";
import { addDemoHistoryAction } from "@/app/(app)/dashboard/actions";
import { checkRecommendationsAction } from "@/app/(app)/optimizer/actions";
import { LiveRun } from "@/components/jobs/live-run";
import { getSessionUser } from "@/lib/auth/session";
import { deployment } from "@/lib/env";
import { setupProgress } from "@/lib/onboarding/setup-progress";
import { visibleRecommendations } from "@/lib/optimizer/daily/queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Dashboard" };

type Query = { welcome?: string; currency?: string; sync?: string; syncError?: string; error?: string; optimizer?: string };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = (await getSessionUser())!;
  const query = await searchParams;
  const now = new Date();
  const today = await reportingToday(user.id, now);
  const [progress, accounts, view, recommendations] = await Promise.all([
    setupProgress(user.id),
    syncStatusFor(user.id),
    dashboardView(user.id, query.currency?.toUpperCase() ?? null, today),
    visibleRecommendations(user.id),
  ]);
  const lastSynced = lastSyncedAt(accounts);
  const steps = [
    { done: progress.metaConnected, title: "Connect your Meta ad account", detail: "Link Facebook and Instagram ads, or try the sandbox.", href: "/settings" },
    { done: progress.brandProfiles > 0, title: "Build your brand profile", detail: "Paste your website; AdPilot pulls your colours, logo and voice.", href: "/brand" },
    { done: progress.creatives > 0, title: "Create your first ad creative", detail: "On-brand images and videos in every Meta format.", href: "/studio" },
    { done: progress.campaigns > 0, title: "Launch a campaign", detail: "Pick a goal, an audience and a budget; AdPilot builds it on Meta.", href: "/campaigns" },
  ];
  const completed = steps.filter((step) => step.done).length;
  const { kpis, currency } = view;
  const optimizerRun = z.uuid().safeParse(query.optimizer).success ? query.optimizer! : null;

  return (
    <>
      {query.welcome === "1" && <FlashToast message="Welcome to AdPilot! Your account is ready." />}
      <PageHeader title={`Hello${user.name ? `, ${user.name.split(" ")[0]}` : ""}`} description="Your ads at a glance: the last 28 days." />
      <div className="mb-6">
        <SyncPanel accounts={accounts} lastSynced={lastSynced} requestedRuns={requestedRuns(query.sync)} syncError={syncMessage(query.syncError)} returnTo="/dashboard" now={now} />
      </div>
      {currency && (
        <section aria-labelledby="kpi-heading" className="mb-6 grid gap-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="kpi-heading" className="text-sm font-medium">
              {formatRange(view.range)} · {currency}
            </h2>
            <Link href="/analytics" className="text-primary text-sm hover:underline">
              Open analytics
            </Link>
          </div>
          <CurrencySwitch currencies={kpis.currencies} current={currency} hrefFor={(code) => `/dashboard?currency=${code}`} />
          <KpiGrid cards={kpiCards(kpis.current, kpis.previous, currency)} comparedWith={`the 28 days before (${formatRange(kpis.previousRange)})`} />
        </section>
      )}
      {query.error && (
        <Alert variant="destructive" className="mb-6" role="alert">
          <AlertDescription>{query.error.slice(0, 300)}</AlertDescription>
        </Alert>
      )}
      {currency && (
        <section aria-labelledby="recommendations-heading" className="mb-6 grid gap-3" data-testid="recommendations">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="recommendations-heading" className="text-sm font-medium">
              Recommendations
            </h2>
            <form action={checkRecommendationsAction}>
              <Button type="submit" size="sm" variant="outline">
                Check for budget moves now
              </Button>
            </form>
          </div>
          {optimizerRun && <LiveRun runId={optimizerRun} />}
          {recommendations.length > 0 ? (
            <div className="grid gap-3 lg:grid-cols-2">
              {recommendations.map((recommendation) => (
                <RecommendationCard key={recommendation.id} recommendation={recommendation} returnTo="/dashboard" now={now} />
              ))}
            </div>
          ) : (
            <p className="text-muted-foreground text-sm">
              Nothing to change right now. Each morning AdPilot compares your live campaigns of the same goal and suggests moving budget to the ones with cheaper results.
            </p>
          )}
        </section>
      )}
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Get set up</CardTitle>
            <CardDescription>
              {completed} of {steps.length} done
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-1">
              {steps.map((step) => (
                <li key={step.title}>
                  <Link href={step.href} className="hover:bg-muted flex gap-3 rounded-md p-2">
                    {step.done ? (
                      <CheckCircle2 className="text-primary mt-0.5 size-5 shrink-0" aria-label="Done" />
                    ) : (
                      <Circle className="text-muted-foreground mt-0.5 size-5 shrink-0" aria-label="To do" />
                    )}
                    <span>
                      <span className={cn("block text-sm font-medium", step.done && "text-muted-foreground line-through")}>{step.title}</span>
                      <span className="text-muted-foreground block text-xs">{step.detail}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <div className="lg:col-span-3">
          {currency ? (
            <Card className="h-full">
              <CardHeader>
                <CardTitle>Spend and results</CardTitle>
                <CardDescription>Last 28 days, {currency}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                <SpendResultsCharts daily={view.daily} currency={currency} />
                <SettlingNote show={view.settling} />
              </CardContent>
            </Card>
          ) : accounts.length === 0 ? (
            <EmptyState
              icon={PlugZap}
              title="Connect Meta to see your numbers"
              className="h-full justify-center"
              action={
                <Button asChild>
                  <Link href="/settings">Go to Settings</Link>
                </Button>
              }
            >
              Spend, results, cost per result and return on ad spend appear here once an ad account is connected and its numbers are synced.
            </EmptyState>
          ) : (
            <EmptyState
              icon={LineChart}
              title={lastSynced ? "No spend in the last 28 days" : "No performance data yet"}
              className="h-full justify-center"
              action={
                <div className="flex flex-wrap justify-center gap-2">
                  <SyncNowButton returnTo="/dashboard" variant="default" />
                  {deployment.meta === "sandbox" && (
                    <form action={addDemoHistoryAction}>
                      <Button type="submit" size="sm" variant="outline">
                        Add 60 days of demo campaigns
                      </Button>
                    </form>
                  )}
                </div>
              }
            >
              {lastSynced
                ? "Your campaigns have not spent anything in the last 28 days. Numbers appear here as soon as one runs."
                : "Your ad account is connected. Sync now to pull spend and results from Meta; after that AdPilot refreshes them every 4 hours."}
              {deployment.meta === "sandbox" && " In the sandbox, demo campaigns that have run for 60 days show every page with numbers right away."}
            </EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
