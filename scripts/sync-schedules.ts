// Creates or updates AdPilot's recurring jobs on QStash (stable ids, safe to re-run)
// and removes ones the schedule table no longer has. Needs QSTASH_TOKEN and APP_URL.
import { Client } from "@upstash/qstash";
import { env } from "@/lib/env";
import { syncSchedules } from "@/lib/jobs/sync-schedules";

if (!env.QSTASH_TOKEN) {
  console.error("QSTASH_TOKEN is not set. Locally the schedules run in-process with `npm run dev`; nothing to sync.");
  process.exit(1);
}
try {
  const client = new Client({ token: env.QSTASH_TOKEN, ...(env.QSTASH_URL ? { baseUrl: env.QSTASH_URL } : {}) });
  const report = await syncSchedules(client);
  console.log(`Schedules on QStash for ${env.APP_URL}: ${report.upserted.join(", ")}`);
  if (report.deleted.length > 0) console.log(`Removed: ${report.deleted.join(", ")}`);
} catch (error) {
  console.error("Schedule sync failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
