import { inArray } from "drizzle-orm";
import { Sparkles } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { LiveRun } from "@/components/jobs/live-run";
import { GenerateForm, type QuotaView } from "@/components/studio/generate-form";
import { GenerationList } from "@/components/studio/generation-list";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { db } from "@/db";
import { creativeAssets } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { getBrandProfile } from "@/lib/brand/profile";
import { quotaFor, type Quota } from "@/lib/creatives/quota";
import { recentRequests } from "@/lib/creatives/requests";

export const metadata: Metadata = { title: "Creative Studio" };

const view = (quota: Quota): QuotaView => ({
  limit: quota.limit,
  used: quota.used,
  remaining: quota.remaining,
  resetsOn: quota.resetsAt.toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" }),
});

export default async function StudioPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fstudio");
  const params = await searchParams;
  const [brand, imageQuota, videoQuota, requests] = await Promise.all([
    getBrandProfile(user.id),
    quotaFor(db, user.id, user.subscriptionTier, "image"),
    quotaFor(db, user.id, user.subscriptionTier, "video"),
    recentRequests(user.id, 8),
  ]);
  const assets = requests.length
    ? await db.select().from(creativeAssets).where(inArray(creativeAssets.generationId, requests.map((request) => request.id)))
    : [];

  return (
    <>
      <PageHeader
        title="Creative Studio"
        description="On-brand ad images and videos for feed, Stories and Reels."
        actions={
          <Button asChild variant="outline">
            <Link href="/library">Open library</Link>
          </Button>
        }
      />
      {params.error && (
        <Alert variant="destructive" className="mb-4" role="alert">
          <AlertDescription>{params.error}</AlertDescription>
        </Alert>
      )}
      {params.run && !requests.some((request) => request.jobRunId === params.run) && (
        <div className="mb-4">
          <LiveRun runId={params.run} />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,28rem)_1fr]">
        <Card>
          <CardHeader>
            <CardTitle>New creative</CardTitle>
          </CardHeader>
          <CardContent>
            <GenerateForm quotas={{ image: view(imageQuota), video: view(videoQuota) }} hasBrand={Boolean(brand)} />
          </CardContent>
        </Card>
        <section aria-labelledby="recent-heading" className="grid content-start gap-3">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent generations
          </h2>
          {requests.length === 0 ? (
            <EmptyState icon={Sparkles} title="Nothing generated yet">
              Describe the ad, pick one or more formats and press Generate. Results land here and in your library.
            </EmptyState>
          ) : (
            <GenerationList requests={requests} assets={assets} />
          )}
        </section>
      </div>
    </>
  );
}
