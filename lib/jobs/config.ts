import { env } from "@/lib/env";

/** Deliveries after the first; the last one that fails marks the run failed. */
export const JOB_MAX_RETRIES = 5;

/** How long one delivery may hold a run before another delivery may take it over. */
export const JOB_LEASE_SECONDS = 6 * 60;

/** The public URL QStash calls for a job, and the `sub` its signature is bound to. */
export function jobUrl(jobName: string): string {
  return new URL(`/api/jobs/${jobName}`, env.APP_URL).toString();
}
