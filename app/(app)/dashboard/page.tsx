import { CheckCircle2, Circle, LineChart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/common/empty-state";
import { FlashToast } from "@/components/common/flash-toast";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { setupProgress } from "@/lib/onboarding/setup-progress";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const user = (await getSessionUser())!;
  const [progress, { welcome }] = await Promise.all([setupProgress(user.id), searchParams]);
  const steps = [
    { done: progress.metaConnected, title: "Connect your Meta ad account", detail: "Link Facebook and Instagram ads, or try the sandbox.", href: "/settings" },
    { done: progress.brandProfiles > 0, title: "Build your brand profile", detail: "Paste your website; AdPilot pulls your colours, logo and voice.", href: "/brand" },
    { done: progress.creatives > 0, title: "Create your first ad creative", detail: "On-brand images and videos in every Meta format.", href: "/studio" },
    { done: progress.campaigns > 0, title: "Launch a campaign", detail: "Pick a goal, an audience and a budget; AdPilot builds it on Meta.", href: "/campaigns" },
  ];
  const completed = steps.filter((step) => step.done).length;

  return (
    <>
      {welcome === "1" && <FlashToast message="Welcome to AdPilot! Your account is ready." />}
      <PageHeader title={`Hello${user.name ? `, ${user.name.split(" ")[0]}` : ""}`} description="Your ads at a glance." />
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
          <EmptyState icon={LineChart} title="No performance data yet" className="h-full justify-center">
            Spend, results, cost per result and return on ad spend appear here after your first campaign has run and
            AdPilot has synced its numbers from Meta.
          </EmptyState>
        </div>
      </div>
    </>
  );
}
