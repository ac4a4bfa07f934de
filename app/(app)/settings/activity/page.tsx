import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { JobProgress } from "@/components/jobs/job-progress";
import { RetryRunButton } from "@/components/jobs/retry-run-button";
import { RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { listRunsForUser } from "@/lib/jobs/runs";

export const metadata: Metadata = { title: "Activity" };

const when = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso)) + " UTC";

export default async function ActivityPage() {
  const user = (await getSessionUser())!;
  const runs = await listRunsForUser(user.id);
  const active = runs.filter((run) => ["queued", "running", "waiting"].includes(run.status));
  const past = runs.filter((run) => !active.includes(run));

  return (
    <>
      <PageHeader
        title="Activity"
        description="Background work AdPilot did for you: generations, launches, syncs and reports."
        actions={
          <Button variant="outline" asChild>
            <Link href="/settings">Back to settings</Link>
          </Button>
        }
      />
      {runs.length === 0 ? (
        <EmptyState icon={History} title="Nothing has run yet">
          When AdPilot generates creatives, launches a campaign or syncs your results, each job shows up here with its
          progress, and a retry button if something went wrong.
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          {active.length > 0 && (
            <section className="grid gap-3" aria-labelledby="running">
              <h2 id="running" className="text-sm font-semibold">
                In progress
              </h2>
              {active.map((run) => (
                <JobProgress key={run.id} runId={run.id} initial={run} />
              ))}
            </section>
          )}
          <section aria-labelledby="recent">
            <h2 id="recent" className="mb-3 text-sm font-semibold">
              Recent
            </h2>
            <ul className="divide-y rounded-lg border">
              {past.map((run) => (
                <li key={run.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex items-center gap-2">
                      <span className="font-medium">{run.label}</span>
                      <RunStatusBadge status={run.status} />
                    </div>
                    <div className="text-muted-foreground text-xs">{when(run.createdAt)}</div>
                    {run.error && <p className="text-destructive mt-1 text-sm break-words">{run.error}</p>}
                  </div>
                  {run.status === "failed" && <RetryRunButton runId={run.id} />}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
