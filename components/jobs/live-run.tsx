"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { JobProgress } from "./job-progress";

/** Job progress for server-rendered pages: when the run ends, the page re-renders with its results. */
export function LiveRun({ runId }: { runId: string }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  return <JobProgress runId={runId} onSettled={refresh} />;
}
