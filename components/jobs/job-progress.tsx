"use client";

import { useCallback, useEffect, useState } from "react";
import type { RunView } from "@/lib/jobs/runs";
import { cn } from "@/lib/utils";
import { RetryRunButton } from "./retry-run-button";
import { RunStatusBadge } from "./run-status-badge";

const ACTIVE: RunView["status"][] = ["queued", "running", "waiting"];
const POLL_MS = 1500;

/**
 * Live progress of one background job: step, percent and message while it runs,
 * the error and a retry button when it failed. Polls only while the run is active.
 */
export function JobProgress({ runId, initial, onSettled }: { runId: string; initial?: RunView; onSettled?: (run: RunView) => void }) {
  const [run, setRun] = useState<RunView | undefined>(initial);
  const [lost, setLost] = useState(false);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    const response = await fetch(`/api/job-runs/${runId}`, { cache: "no-store" });
    if (!response.ok) {
      setLost(true);
      return undefined;
    }
    const next = (await response.json()) as RunView;
    setRun(next);
    return next;
  }, [runId]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const next = await load().catch(() => undefined);
      if (cancelled) return;
      if (next && !ACTIVE.includes(next.status)) onSettled?.(next);
      else timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [load, onSettled, generation]);

  if (lost) return <p className="text-muted-foreground text-sm">This job is no longer available.</p>;
  if (!run) return <div className="bg-muted h-16 animate-pulse rounded-lg" aria-label="Loading job progress" />;

  const lastStep = run.steps.at(-1);
  return (
    <div className="grid gap-2 rounded-lg border p-4" aria-live="polite">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{run.label}</span>
        <RunStatusBadge status={run.status} />
      </div>
      <div className="bg-muted h-2 overflow-hidden rounded-full" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={run.progress}>
        <div className={cn("h-full rounded-full transition-all", run.status === "failed" ? "bg-destructive" : "bg-primary")} style={{ width: `${run.progress}%` }} />
      </div>
      <div className="text-muted-foreground flex justify-between gap-2 text-xs">
        <span>{run.message ?? (lastStep ? `Finished: ${lastStep}` : ACTIVE.includes(run.status) ? "Starting…" : "")}</span>
        <span className="tabular-nums">{run.progress}%</span>
      </div>
      {run.status === "failed" && (
        <div className="flex items-start justify-between gap-3">
          <p className="text-destructive text-sm">{run.error ?? "This job failed."}</p>
          <RetryRunButton runId={run.id} onRetried={() => setGeneration((value) => value + 1)} />
        </div>
      )}
    </div>
  );
}
