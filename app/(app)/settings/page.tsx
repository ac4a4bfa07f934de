import { Check, History, Link2, Minus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { MetaConnections } from "@/components/meta/meta-connections";
import { WeeklyReportEmailCard } from "@/components/reports/weekly-report-email-card";
import { getSessionUser } from "@/lib/auth/session";
import { deployment } from "@/lib/env";
import { listConnections } from "@/lib/meta/connections";
import { weeklyReportEmailWanted } from "@/lib/reports/preferences";
import { TIER_ORDER, TIERS, type TierLimits } from "@/lib/auth/tiers";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Settings" };

const ROWS: Array<{ label: string; value: (tier: TierLimits) => React.ReactNode }> = [
  { label: "Price", value: (tier) => `$${tier.monthlyPriceUsd}/month` },
  { label: "Image generations per month", value: (tier) => tier.imageGenerationsPerMonth.toLocaleString("en-US") },
  { label: "Video generations per month", value: (tier) => tier.videoGenerationsPerMonth.toLocaleString("en-US") },
  { label: "Connected ad accounts", value: (tier) => tier.connectedAdAccounts },
  { label: "Active campaigns", value: (tier) => tier.activeCampaigns },
  {
    label: "Autopilot budget changes",
    value: (tier) =>
      tier.autopilot ? <Check className="mx-auto size-4" aria-label="Included" /> : <Minus className="mx-auto size-4" aria-label="Recommendations only" />,
  },
];

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ meta?: string; scopes?: string; report?: string }> }) {
  const user = (await getSessionUser())!;
  const [connections, query, reportEmail] = await Promise.all([listConnections(user.id), searchParams, weeklyReportEmailWanted(user.id)]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your account, plan and connections."
        actions={
          <Button variant="outline" asChild>
            <Link href="/settings/activity">
              <History aria-hidden /> Activity
            </Link>
          </Button>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <div className="text-muted-foreground">Name</div>
              <div className="font-medium">{user.name || "Not set"}</div>
            </div>
            <div>
              <div className="text-muted-foreground">Email</div>
              <div className="font-medium break-all">{user.email}</div>
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Plan and limits</CardTitle>
            <CardDescription>
              You are on the <strong>{TIERS[user.subscriptionTier].label}</strong> plan.
            </CardDescription>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm">
              <thead>
                <tr className="border-b">
                  <th className="py-2 text-left font-medium" scope="col">
                    <span className="sr-only">Limit</span>
                  </th>
                  {TIER_ORDER.map((tier) => (
                    <th key={tier} scope="col" className={cn("px-3 py-2 text-center font-medium", tier === user.subscriptionTier && "text-primary")}>
                      {TIERS[tier].label}
                      {tier === user.subscriptionTier && (
                        <Badge variant="secondary" className="ml-2">
                          Current
                        </Badge>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.label} className="border-b last:border-0">
                    <th scope="row" className="text-muted-foreground py-2 text-left font-normal">
                      {row.label}
                    </th>
                    {TIER_ORDER.map((tier) => (
                      <td key={tier} className={cn("px-3 py-2 text-center tabular-nums", tier === user.subscriptionTier && "bg-primary/5 font-medium")}>
                        {row.value(TIERS[tier])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>

        <Card id="meta">
          <CardHeader>
            <CardTitle>Meta connection</CardTitle>
            <CardDescription>The Facebook accounts and ad accounts AdPilot manages for you.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {connections.length === 0 && (
              <EmptyState icon={Link2} title="No Meta account connected" className="py-8">
                Connect with Facebook Login to let AdPilot create campaigns and read results on your ad accounts. You can
                disconnect at any time; AdPilot then deletes its access token.
              </EmptyState>
            )}
            <MetaConnections
              connections={connections}
              outcome={query.meta}
              missingScopes={query.scopes}
              limit={TIERS[user.subscriptionTier].connectedAdAccounts}
              sandbox={deployment.meta === "sandbox"}
            />
          </CardContent>
        </Card>

        <WeeklyReportEmailCard enabled={reportEmail} emailOff={deployment.email === "off"} outcome={query.report} />
      </div>
    </>
  );
}
