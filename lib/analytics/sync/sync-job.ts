import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { z, ZodError } from "zod";
import { db } from "@/db";
import { adAccountSyncs, campaigns, metaAccounts, metaAdAccounts } from "@/db/schema";
import { env } from "@/lib/env";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { MetaApiError } from "@/lib/meta/errors";
import { pauseSeconds } from "@/lib/meta/usage";
import { withMetaConnection } from "@/lib/meta/with-connection";
import type { GraphApi } from "@/lib/meta/graph-api";
import { isReportFailed, isTooMuchData, listChildren, pollReport, readReportPage, submitReport, type ReportScope } from "./graph-report";
import { toAdDayRow, type CampaignLink } from "./rows";
import { addCalls, markFailed, markRunning, markStarted, markSucceeded, markWaiting, otherActiveRun } from "./state";
import { storeAdDays } from "./store-rows";
import { syncWindow } from "./window";

export const syncPayload = z.object({ adAccountId: z.uuid(), trigger: z.enum(["schedule", "manual"]).default("schedule") });
export type SyncPayload = z.output<typeof syncPayload>;

/** Rows asked for per page; halved whenever Meta says to reduce the amount of data. */
export const PAGE_LIMIT = 500;
const MIN_PAGE_LIMIT = 25;
/** A report Meta has not finished by then is treated like a failed one (retried once, then split). */
const REPORT_TIMEOUT_MS = 45 * 60_000;
/** Work per delivery before handing over to the next one, well inside a serverless function's limit. */
const DELIVERY_BUDGET_MS = 120_000;
const TRANSIENT_TRIES = 3;

type Plan = {
  skip?: string;
  userId: string;
  metaAccountId: string;
  /** "act_…" */
  metaAdAccountId: string;
  since: string;
  until: string;
  backfill: boolean;
  startedAt: string;
};

/** Waiting for Meta to finish a report: not a rate-limit pause, so the account is not shown as waiting. */
class PollAgain extends RetryLater {}

const pollDelay = (elapsedMs: number) => (elapsedMs < 30_000 ? 5 : elapsedMs < 5 * 60_000 ? 15 : 60);

async function planSync(adAccountId: string, runId: string, now = new Date()): Promise<Plan> {
  const [account] = await db
    .select({ account: metaAdAccounts, connectionStatus: metaAccounts.status })
    .from(metaAdAccounts)
    .innerJoin(metaAccounts, eq(metaAccounts.id, metaAdAccounts.metaAccountId))
    .where(eq(metaAdAccounts.id, adAccountId));
  if (!account || !account.account.connected) throw new PermanentJobError("This ad account is no longer connected to AdPilot.");
  const base = { userId: account.account.userId, metaAccountId: account.account.metaAccountId, metaAdAccountId: account.account.adAccountId, startedAt: now.toISOString() };
  return db.transaction(async (tx): Promise<Plan> => {
    const other = await otherActiveRun(adAccountId, runId, tx);
    if (other) return { ...base, skip: "Another sync of this ad account is already running.", since: "", until: "", backfill: false };
    const [state] = await tx.select({ backfilledFrom: adAccountSyncs.backfilledFrom }).from(adAccountSyncs).where(eq(adAccountSyncs.adAccountId, adAccountId));
    const backfill = !state?.backfilledFrom;
    const window = syncWindow(now, account.account.timezone, { backfill, lookbackDays: env.INSIGHTS_LOOKBACK_DAYS });
    await markStarted({ adAccountId, userId: base.userId }, runId, window, tx);
    return { ...base, ...window, backfill };
  });
}

/** AdPilot's campaigns on this ad account, by Meta campaign id: which rows roll up, and which action type counts. */
async function campaignLinks(plan: Plan): Promise<Map<string, CampaignLink>> {
  const rows = await db
    .select({ id: campaigns.id, purpose: campaigns.purpose, metaCampaignId: campaigns.metaCampaignId })
    .from(campaigns)
    .where(and(eq(campaigns.userId, plan.userId), eq(campaigns.adAccountId, plan.metaAdAccountId), isNotNull(campaigns.metaCampaignId)));
  return new Map(rows.map((row) => [row.metaCampaignId!, { campaignId: row.id, purpose: row.purpose }]));
}

/**
 * Syncs one ad account: one async insights report for the whole account at ad
 * level, daily, over the lookback window (90 days the first time), polled by
 * delayed re-delivery and read page by page into ad_insights_daily and
 * performance_analytics. Every Graph call is a durable step, so a crash or a
 * redelivery repeats at most one idempotent page. A report that fails or times
 * out is submitted again once, then split into campaigns, then ad sets.
 */
/** `reports` counts every report submitted to Meta, failed ones included. */
export async function runSync(context: JobContext<SyncPayload>): Promise<{ rows: number; reports: number } | { skipped: string }> {
  const { step, runId } = context;
  const { adAccountId } = context.payload;
  const deliveryStarted = Date.now();
  const plan = await step("plan", () => planSync(adAccountId, runId));
  if (plan.skip) return { skipped: plan.skip };
  const links = await campaignLinks(plan);
  const target = { adAccountId, userId: plan.userId };
  const window = { since: plan.since, until: plan.until };
  const bareId = plan.metaAdAccountId.replace(/^act_/, "");
  let pauseUntil = 0;
  let resumed = false;

  /** One piece of work on Meta: calls counted, usage watched, a rate-limit pause recorded before it is honoured. */
  async function meta<T>(work: (api: GraphApi) => Promise<T>): Promise<T> {
    if (!resumed) {
      resumed = true;
      await markRunning(adAccountId, runId);
    }
    let calls = 0;
    const attempt = () =>
      withMetaConnection(plan.metaAccountId, { adAccountId: plan.metaAdAccountId }, (api) => {
        const record = api.onUsage;
        api.onUsage = (usage) => {
          record?.(usage);
          calls++;
          // From 85% of Meta's limit on, the next call waits: the answer in hand is still used.
          const pause = pauseSeconds(usage, bareId);
          if (pause > 0) pauseUntil = Math.max(pauseUntil, Date.now() + pause * 1000);
        };
        return work(api);
      });
    try {
      // Meta's hiccups (code 1/2, 5xx) are retried here, briefly: every piece of work is a read or
      // an idempotent upsert, and a long sync should not spend the run's retries on them.
      for (let tries = 1; ; tries++) {
        try {
          return await attempt();
        } catch (error) {
          if (!(error instanceof MetaApiError && error.kind === "transient") || tries >= TRANSIENT_TRIES) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** tries));
        }
      }
    } catch (error) {
      if (error instanceof RetryLater && !(error instanceof PollAgain)) await markWaiting(adAccountId, runId, new Date(Date.now() + error.seconds * 1000), error.message);
      throw error;
    } finally {
      await addCalls(adAccountId, runId, calls);
    }
  }

  /** Between steps: honour a usage pause and the delivery's time budget, as delayed re-deliveries. */
  async function checkpoint(): Promise<void> {
    const wait = Math.ceil((pauseUntil - Date.now()) / 1000);
    if (wait > 0) {
      const reason = "Meta's rate limit for this ad account is nearly used up; the sync continues when it recovers.";
      await markWaiting(adAccountId, runId, new Date(pauseUntil), reason);
      throw new RetryLater(wait, reason);
    }
    if (Date.now() - deliveryStarted > DELIVERY_BUDGET_MS) throw new RetryLater(1, "Continuing the sync");
  }

  async function readReport(key: string, reportRunId: string): Promise<{ ok: true; rows: number } | { ok: false }> {
    let after: string | null = null;
    let limit = PAGE_LIMIT;
    let rows = 0;
    for (let page = 0; ; page++) {
      await checkpoint();
      const result = await step(`page:${key}:${page}`, () =>
        meta(async (api) => {
          for (;;) {
            try {
              const answer = await readReportPage(api, reportRunId, limit, after);
              const parsed = answer.rows.map((row) => toAdDayRowOrExplain(row, links));
              await db.transaction((tx) => storeAdDays(tx, target, parsed));
              return { failed: false, after: answer.after, rows: parsed.length, limit };
            } catch (error) {
              if (isTooMuchData(error) && limit > MIN_PAGE_LIMIT) {
                limit = Math.max(MIN_PAGE_LIMIT, Math.floor(limit / 2));
                continue;
              }
              if (isReportFailed(error)) return { failed: true, after: null, rows: 0, limit };
              throw error;
            }
          }
        }),
      );
      if (result.failed) return { ok: false };
      rows += result.rows;
      limit = result.limit;
      after = result.after;
      await context.progress(60, `Read ${rows.toLocaleString("en-US")} rows from Meta`);
      if (!after) return { ok: true, rows };
    }
  }

  /** One report (account, campaign or ad set): two tries, then its children. */
  async function runReport(scope: ReportScope): Promise<{ rows: number; reports: number; children?: ReportScope[] }> {
    const key = scope.level === "account" ? "account" : `${scope.level}:${scope.id}`;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const id = `${key}:${attempt}`;
      await checkpoint();
      const submitted = await step(`submit:${id}`, () => meta(async (api) => ({ reportRunId: await submitReport(api, scope, window), at: Date.now() })));
      await checkpoint();
      const done = await step(`wait:${id}`, () =>
        meta(async (api) => {
          const progress = await pollReport(api, submitted.reportRunId);
          if (progress.status !== "running") return { status: progress.status };
          const elapsed = Date.now() - submitted.at;
          if (elapsed > REPORT_TIMEOUT_MS) return { status: "timed_out" as const };
          await context.progress(10 + progress.percent * 0.4, `Meta is preparing the report (${progress.percent}%)`);
          throw new PollAgain(pollDelay(elapsed), `Meta is preparing the report (${progress.percent}%)`);
        }),
      );
      if (done.status !== "completed") continue;
      const read = await readReport(id, submitted.reportRunId);
      if (read.ok) return { rows: read.rows, reports: attempt };
    }
    if (scope.level === "adset") throw new PermanentJobError(`Meta could not produce the report for ad set ${scope.id}, even on its own. AdPilot will try again at the next sync.`);
    await checkpoint();
    const children = await step(`split:${key}`, () => meta((api) => listChildren(api, scope)));
    return { rows: 0, reports: 2, children };
  }

  await context.progress(5, "Asking Meta for the report");
  const queue: ReportScope[] = [{ level: "account", id: plan.metaAdAccountId }];
  let rows = 0;
  let reports = 0;
  while (queue.length > 0) {
    const outcome = await runReport(queue.shift()!);
    rows += outcome.rows;
    reports += outcome.reports;
    queue.push(...(outcome.children ?? []));
  }
  await step("finish", () => markSucceeded(adAccountId, runId, { rows, startedAt: plan.startedAt, since: plan.since, backfill: plan.backfill }));
  return { rows, reports };
}

/** A row Meta sent that AdPilot cannot read stops the sync with what was wrong, instead of storing a guess. */
function toAdDayRowOrExplain(row: unknown, links: Map<string, CampaignLink>) {
  try {
    return toAdDayRow(row, links);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const ad = (row as { ad_id?: unknown } | null)?.ad_id;
    throw new PermanentJobError(`Meta sent a row AdPilot could not read (ad ${String(ad ?? "unknown")}, ${issue?.path.join(".") || "row"}: ${issue?.message ?? "invalid"}).`);
  }
}

export const insightsSyncAccount = defineJob({
  name: "insights.sync-account",
  schema: syncPayload,
  run: runSync,
  async onFailed(payload, reason) {
    await markFailed(payload.adAccountId, reason);
  },
});
