import "server-only";
import { sql } from "drizzle-orm";
import { db, resultRows } from "@/db";

/**
 * What an operator checks first, from the database (the same on every
 * instance, unlike per-process metrics): the job backlog, jobs failing in the
 * last 24 hours, AI latency and spend, and the sync state of ad accounts.
 */
export type OperationsOverview = {
  backlog: Array<{ kind: string; queued: number; waiting: number; running: number; oldestMinutes: number | null }>;
  failures: Array<{ kind: string; failed: number; succeeded: number; errorRate: number }>;
  ai: { calls: number; p50Ms: number | null; p95Ms: number | null; errorRate: number; costUsd: string };
  aiSpendByUser: Array<{ email: string; calls: number; costUsd: string }>;
  syncs: Array<{ status: string; accounts: number }>;
};


export async function operationsOverview(): Promise<OperationsOverview> {
  const [backlog, failures, ai, spend, syncs] = await Promise.all([
    db.execute(sql`
      select kind, count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'waiting')::int as waiting,
        count(*) filter (where status = 'running')::int as running,
        (extract(epoch from now() - min(created_at)) / 60)::int as "oldestMinutes"
      from job_runs where status in ('queued', 'waiting', 'running') group by kind order by count(*) desc`),
    db.execute(sql`
      select kind, count(*) filter (where status = 'failed')::int as failed, count(*) filter (where status = 'succeeded')::int as succeeded
      from job_runs where finished_at > now() - interval '24 hours' group by kind order by 2 desc, kind`),
    db.execute(sql`
      select count(*)::int as calls,
        percentile_cont(0.5) within group (order by latency_ms) as p50, percentile_cont(0.95) within group (order by latency_ms) as p95,
        count(*) filter (where outcome <> 'ok')::int as errors, coalesce(sum(cost_usd), 0)::text as cost
      from ai_usage where created_at > now() - interval '24 hours'`),
    db.execute(sql`
      select coalesce(u.email, '(deleted user)') as email, count(*)::int as calls, sum(a.cost_usd)::text as cost
      from ai_usage a left join users u on u.id = a.user_id
      where a.created_at > now() - interval '30 days' group by u.email order by sum(a.cost_usd) desc limit 10`),
    db.execute(sql`select status, count(*)::int as accounts from ad_account_syncs group by status order by status`),
  ]);
  const aiRow = resultRows<{ calls: number; p50: number | null; p95: number | null; errors: number; cost: string }>(ai)[0];
  return {
    backlog: resultRows(backlog),
    failures: resultRows<{ kind: string; failed: number; succeeded: number }>(failures).map((row) => ({ ...row, errorRate: row.failed + row.succeeded > 0 ? row.failed / (row.failed + row.succeeded) : 0 })),
    ai: {
      calls: aiRow?.calls ?? 0,
      p50Ms: aiRow?.p50 === null || aiRow?.p50 === undefined ? null : Math.round(Number(aiRow.p50)),
      p95Ms: aiRow?.p95 === null || aiRow?.p95 === undefined ? null : Math.round(Number(aiRow.p95)),
      errorRate: aiRow && aiRow.calls > 0 ? aiRow.errors / aiRow.calls : 0,
      costUsd: aiRow?.cost ?? "0",
    },
    aiSpendByUser: resultRows<{ email: string; calls: number; cost: string }>(spend).map((row) => ({ email: row.email, calls: row.calls, costUsd: row.cost })),
    syncs: resultRows(syncs),
  };
}
