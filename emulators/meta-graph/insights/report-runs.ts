import { reportFailed, reportNotReady, unknownObject } from "./errors";
import { hash32 } from "./prng";
import { assertWithinCells, insightsRows, pageInsightsRows, resolveInsightsRequest, type InsightsPage, type InsightsParams, type InsightsScope, type PageUrls, type ResolvedInsightsRequest } from "./query";
import { bareAccountId } from "./simulate";
import type { AdTree } from "./types";

/**
 * Async insights (`POST /act_{id}/insights` → report run). A run's progress is
 * a pure function of the time since it was created, so polling is idempotent
 * and tests drive it by passing `now`. State lives in a plain map the caller
 * owns (and may persist): JSON-safe, no timers, no globals.
 */

export type AsyncStatus = "Job Not Started" | "Job Started" | "Job Running" | "Job Completed" | "Job Failed";

export type ReportRunState = {
  id: string;
  accountId: string;
  createdAtMs: number;
  durationMs: number;
  /** Resolved at creation: "last_7d" means the 7 days before the job was submitted. */
  request: ResolvedInsightsRequest;
  /** Results are computed as of submission, so every page of a run agrees. */
  asOf: string;
  /** Test hook: the job fails when its progress reaches this percentage. */
  failAtPercent?: number;
};

export type ReportRuns = Record<string, ReportRunState>;

/** What `GET /{report_run_id}` answers (Meta's AdReportRun fields the emulator knows). */
export type ReportRunView = {
  id: string;
  account_id: string;
  async_status: AsyncStatus;
  async_percent_completion: number;
  date_start: string;
  date_stop: string;
  /** Unix seconds of submission. */
  time_ref: number;
  time_completed?: number;
  is_running: boolean;
};

/** Async jobs may cover far more than a synchronous read before Meta gives up. */
export const MAX_ASYNC_CELLS = 1_000_000;

/** Shares of the run spent before "Job Started" and before "Job Running". */
const NOT_STARTED_SHARE = 0.1;
const STARTED_SHARE = 0.2;

type Now = Date | number | string;
const toMs = (now: Now): number => (now instanceof Date ? now.getTime() : typeof now === "number" ? now : Date.parse(now));

export function createReportRun(
  runs: ReportRuns,
  args: {
    tree: AdTree;
    params: InsightsParams;
    now: Now;
    scope?: InsightsScope;
    /** Defaults to 2–6 s derived from the id: a few polls, not an hour. */
    durationMs?: number;
    failAtPercent?: number;
    maxCells?: number;
    /** Use this id (e.g. from the caller's object-id sequence) instead of deriving one; must not be in `runs`. */
    id?: string;
  },
): { report_run_id: string } {
  const nowMs = toMs(args.now);
  const asOf = new Date(nowMs).toISOString();
  // Validate up front: Meta rejects bad parameters on submission, not when the job runs.
  const request = resolveInsightsRequest(args.tree, args.params, asOf, args.scope);
  assertWithinCells(args.tree, request, args.maxCells ?? MAX_ASYNC_CELLS);

  // Deterministic ids (from the request, time and run count) keep test output stable.
  const seed = hash32(`${args.tree.account.id}|${JSON.stringify(request)}|${nowMs}`);
  let counter = Object.keys(runs).length;
  let id = args.id ?? runId(seed, counter);
  if (args.id !== undefined && runs[id]) throw new Error(`Report run ${id} already exists`);
  while (runs[id]) id = runId(seed, ++counter);

  runs[id] = {
    id,
    accountId: bareAccountId(args.tree.account.id),
    createdAtMs: nowMs,
    durationMs: args.durationMs ?? 2000 + (hash32(id) % 4001),
    request,
    asOf,
    ...(args.failAtPercent !== undefined ? { failAtPercent: args.failAtPercent } : {}),
  };
  return { report_run_id: id };
}

const runId = (seed: number, counter: number) => `6${String(seed).padStart(10, "0")}${String(counter % 100_000).padStart(5, "0")}`;

export function getReportRun(runs: ReportRuns, id: string, now: Now): ReportRunView {
  const run = runs[id];
  if (!run) throw unknownObject(id);
  const { status, percent, completedAtMs } = progress(run, toMs(now));
  return {
    id: run.id,
    account_id: run.accountId,
    async_status: status,
    async_percent_completion: percent,
    date_start: run.request.range.since,
    date_stop: run.request.range.until,
    time_ref: Math.floor(run.createdAtMs / 1000),
    ...(completedAtMs !== undefined ? { time_completed: Math.floor(completedAtMs / 1000) } : {}),
    is_running: status === "Job Not Started" || status === "Job Started" || status === "Job Running",
  };
}

/** `GET /{report_run_id}/insights`: the run's rows, paged like the synchronous edge. */
export function getReportRunInsights(
  runs: ReportRuns,
  id: string,
  args: PageUrls & { tree: AdTree; now: Now; limit?: string | number; after?: string; before?: string },
): InsightsPage {
  const run = runs[id];
  if (!run) throw unknownObject(id);
  const { status } = progress(run, toMs(args.now));
  if (status === "Job Failed") throw reportFailed();
  if (status !== "Job Completed") throw reportNotReady(id);
  return pageInsightsRows(insightsRows(args.tree, run.request, run.asOf), args, args);
}

function progress(run: ReportRunState, nowMs: number): { status: AsyncStatus; percent: number; completedAtMs?: number } {
  const duration = Math.max(run.durationMs, 1);
  const elapsed = nowMs - run.createdAtMs;
  const runningMs = duration * (1 - STARTED_SHARE);
  const percentAt = (ms: number) => Math.min(100, Math.max(0, Math.floor(((ms - duration * STARTED_SHARE) / runningMs) * 100)));
  if (run.failAtPercent !== undefined && elapsed >= duration * STARTED_SHARE && percentAt(elapsed) >= run.failAtPercent) {
    return { status: "Job Failed", percent: Math.max(0, Math.min(100, run.failAtPercent)) };
  }
  if (elapsed < duration * NOT_STARTED_SHARE) return { status: "Job Not Started", percent: 0 };
  if (elapsed < duration * STARTED_SHARE) return { status: "Job Started", percent: 0 };
  if (elapsed < duration) return { status: "Job Running", percent: Math.min(99, percentAt(elapsed)) };
  return { status: "Job Completed", percent: 100, completedAtMs: run.createdAtMs + duration };
}
