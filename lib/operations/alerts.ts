import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, resultRows } from "@/db";
import { env } from "@/lib/env";
import { defineJob } from "@/lib/jobs/define-job";
import { kv } from "@/lib/kv";
import { logger } from "@/lib/observability/logger";
import { summarizeRequests } from "@/lib/observability/request-stats";

/** Alert when more than 1% of the last 5 minutes' job runs or requests failed (with enough of them to mean it)… */
export const ERROR_RATE_THRESHOLD = 0.01;
const MIN_RUNS = 20;
/** …or when one job kind's last runs all failed. */
const FAILING_STREAK = 3;
/** The same alert is sent at most this often. */
const REPEAT_SECONDS = 30 * 60;

export type Alert = { key: string; text: string };


/** The alerts the database shows right now. */
export async function currentAlerts(): Promise<Alert[]> {
  const [rate] = resultRows<{ failed: number; total: number }>(
    await db.execute(sql`select count(*) filter (where status = 'failed')::int as failed, count(*)::int as total from job_runs where finished_at > now() - interval '5 minutes'`),
  );
  const streaks = resultRows<{ kind: string }>(
    await db.execute(sql`
      select kind from (
        select kind, status, row_number() over (partition by kind order by finished_at desc) as n
        from job_runs where finished_at > now() - interval '24 hours'
      ) recent where n <= ${FAILING_STREAK}
      group by kind having count(*) = ${FAILING_STREAK} and bool_and(status = 'failed') order by kind`),
  );
  const alerts: Alert[] = [];
  if (rate && rate.total >= MIN_RUNS && rate.failed / rate.total > ERROR_RATE_THRESHOLD) {
    alerts.push({ key: "error-rate", text: `${rate.failed} of ${rate.total} job runs failed in the last 5 minutes (${((rate.failed / rate.total) * 100).toFixed(1)}%).` });
  }
  // Requests are this process's own (the checking job runs in one of them): right for a single
  // self-hosted server; on Vercel the checking instance mostly sees job deliveries (README).
  const requests = summarizeRequests(5 * 60 * 1000);
  if (requests.requests >= MIN_RUNS && requests.errorRate > ERROR_RATE_THRESHOLD) {
    alerts.push({ key: "http-error-rate", text: `${requests.errors} of ${requests.requests} requests failed with a server error in the last 5 minutes (${(requests.errorRate * 100).toFixed(1)}%).` });
  }
  for (const { kind } of streaks) alerts.push({ key: `failing:${kind}`, text: `The last ${FAILING_STREAK} runs of ${kind} failed.` });
  return alerts;
}

/**
 * Posts new alerts to ALERT_WEBHOOK_URL (Slack-compatible `{text}` JSON), each at
 * most every 30 minutes (KV `set ifAbsent` as the latch, so two instances do not
 * both send). Without a webhook the alerts are only logged.
 */
export async function sendAlerts(fetchImpl: typeof fetch = fetch): Promise<{ sent: string[] }> {
  const sent: string[] = [];
  for (const alert of await currentAlerts()) {
    logger.warn("ops.alert", { alert: alert.key, text: alert.text });
    if (!env.ALERT_WEBHOOK_URL) continue;
    if (!(await kv().set(`ops:alert:${alert.key}`, Date.now(), { ttlSeconds: REPEAT_SECONDS, ifAbsent: true }))) continue;
    try {
      const response = await fetchImpl(env.ALERT_WEBHOOK_URL, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: `AdPilot: ${alert.text}` }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`alert webhook answered ${response.status}`);
    } catch (error) {
      // Refused, timed out or unreachable: let the next check try again rather than staying quiet for 30 minutes.
      await kv().delete(`ops:alert:${alert.key}`);
      throw error;
    }
    sent.push(alert.key);
  }
  return { sent };
}

export const opsAlerts = defineJob({
  name: "ops.alerts",
  schema: z.object({}).passthrough(),
  async run(context) {
    return context.step("check", () => sendAlerts());
  },
});
