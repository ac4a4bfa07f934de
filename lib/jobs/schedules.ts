/**
 * Every recurring job, defined once. `npm run schedules:sync` mirrors this table
 * to QStash (schedule ids are stable: "adpilot-<id>"); the embedded default runs
 * it with the in-process cron. Cron times are UTC.
 */
export type Schedule = { id: string; cron: string; job: string; description: string };

export const SCHEDULES: Schedule[] = [
  { id: "insights-sync", cron: "0 */4 * * *", job: "insights.sync", description: "Sync performance from Meta every 4 hours" },
  { id: "budget-optimize", cron: "30 6 * * *", job: "optimizer.daily", description: "Daily budget optimization" },
  { id: "weekly-report", cron: "0 8 * * 1", job: "reports.weekly", description: "Weekly performance report, Mondays" },
  { id: "token-check", cron: "0 3 * * *", job: "meta.token-check", description: "Daily check of Meta token expiry" },
  { id: "token-refresh", cron: "0 4 1 * *", job: "meta.token-refresh", description: "Monthly Meta token refresh" },
  { id: "outbox-flush", cron: "*/5 * * * *", job: "jobs.outbox-flush", description: "Re-send job deliveries whose publish failed" },
  { id: "ops-alerts", cron: "*/5 * * * *", job: "ops.alerts", description: "Alert the operator on a job error rate over 1% or a job kind that keeps failing" },
];

export const SCHEDULE_ID_PREFIX = "adpilot-";

export function scheduleById(id: string): Schedule | undefined {
  return SCHEDULES.find((schedule) => schedule.id === id);
}
