import "server-only";
import { MetaApiError } from "@/lib/meta/errors";
import type { GraphApi } from "@/lib/meta/graph-api";

/**
 * The Graph calls of an insights sync: submit an async report, poll it, read
 * one page of its rows, and list the children to split a report that keeps failing.
 */

/** What a report unit covers: the whole account, one campaign or one ad set (always at ad level, daily). */
export type ReportScope = { level: "account" | "campaign" | "adset"; id: string };

export const INSIGHT_FIELDS = [
  "account_id",
  "campaign_id",
  "adset_id",
  "ad_id",
  "objective",
  "impressions",
  "reach",
  "frequency",
  "clicks",
  "spend",
  "actions",
  "action_values",
] as const;

/**
 * Every effective status Meta knows: without this filter an account-level
 * report leaves out deleted and archived ads, whose past spend is still real.
 */
const ALL_EFFECTIVE_STATUSES = [
  "ACTIVE",
  "PAUSED",
  "DELETED",
  "PENDING_REVIEW",
  "DISAPPROVED",
  "PREAPPROVED",
  "PENDING_BILLING_INFO",
  "CAMPAIGN_PAUSED",
  "ARCHIVED",
  "ADSET_PAUSED",
  "IN_PROCESS",
  "WITH_ISSUES",
];

export type Window = { since: string; until: string };

export async function submitReport(api: GraphApi, scope: ReportScope, window: Window): Promise<string> {
  const answer = await api.call<{ report_run_id?: string | number }>("POST", [scope.id, "insights"], {
    level: "ad",
    time_increment: 1,
    fields: INSIGHT_FIELDS.join(","),
    time_range: window,
    filtering: [{ field: "ad.effective_status", operator: "IN", value: ALL_EFFECTIVE_STATUSES }],
    // Match Ads Manager: one row per ad-day with every action type in it.
    action_breakdowns: ["action_type"],
  });
  if (answer.report_run_id === undefined) throw new MetaApiError("transient", "Meta accepted the report without a report_run_id");
  return String(answer.report_run_id);
}

export type ReportProgress = { status: "running" | "completed" | "failed"; percent: number };

export async function pollReport(api: GraphApi, reportRunId: string): Promise<ReportProgress> {
  const run = await api.call<{ async_status?: string; async_percent_completion?: number }>("GET", [reportRunId], {
    fields: "async_status,async_percent_completion",
  });
  const percent = Number(run.async_percent_completion ?? 0);
  switch (run.async_status) {
    case "Job Completed":
      return { status: "completed", percent: 100 };
    case "Job Failed":
    case "Job Skipped":
      return { status: "failed", percent };
    default:
      return { status: "running", percent };
  }
}

export type GraphInsightsRow = Record<string, unknown>;
export type InsightsPage = { rows: GraphInsightsRow[]; after: string | null };

/** One page of a completed report's rows; `after` is null on the last page. */
export async function readReportPage(api: GraphApi, reportRunId: string, limit: number, after: string | null): Promise<InsightsPage> {
  const page = await api.call<{ data?: GraphInsightsRow[]; paging?: { cursors?: { after?: string }; next?: string } }>("GET", [reportRunId, "insights"], {
    limit,
    ...(after ? { after } : {}),
  });
  const rows = Array.isArray(page.data) ? page.data : [];
  // Graph marks the last page by leaving out `next`, not by an empty cursor.
  return { rows, after: page.paging?.next && page.paging.cursors?.after ? page.paging.cursors.after : null };
}

/** Meta's answer to a read that returns too much at once: ask again for fewer rows. */
export const isTooMuchData = (error: unknown): boolean => error instanceof MetaApiError && error.details.code === 100 && error.details.subcode === 1487534;

/** A report job that died on Meta's side (-2/2490547 when its rows are read). */
export const isReportFailed = (error: unknown): boolean => error instanceof MetaApiError && error.details.subcode === 2490547;

/** Statuses a campaign or ad set can have; edges list only live and paused objects unless asked for all. */
const CHILD_STATUSES = {
  campaign: ["ACTIVE", "PAUSED", "DELETED", "ARCHIVED", "IN_PROCESS", "WITH_ISSUES"],
  adset: ["ACTIVE", "PAUSED", "DELETED", "ARCHIVED", "IN_PROCESS", "WITH_ISSUES", "CAMPAIGN_PAUSED"],
} as const;

/**
 * The campaigns of an account, or the ad sets of a campaign: the smaller
 * reports a failing one is split into. Archived and deleted ones are asked for
 * too: their past spend is in the window as much as anyone's.
 */
export async function listChildren(api: GraphApi, scope: ReportScope): Promise<ReportScope[]> {
  if (scope.level === "adset") return [];
  const edge = scope.level === "account" ? "campaigns" : "adsets";
  const level = scope.level === "account" ? "campaign" : "adset";
  const children: ReportScope[] = [];
  let page = await api.call<{ data?: Array<{ id: string }>; paging?: { next?: string } }>("GET", [scope.id, edge], {
    fields: "id",
    limit: 200,
    effective_status: CHILD_STATUSES[level],
  });
  for (let count = 0; count < 100; count++) {
    for (const item of page.data ?? []) children.push({ level, id: String(item.id) });
    if (!page.paging?.next) break;
    page = await api.call("GET", page.paging.next);
  }
  return children;
}
