import { GRAPH_VERSION, type CallContext } from "../context";
import { invalidParam } from "../errors";
import type { NodeView } from "../fields";
import {
  createReportRun,
  getReportRun,
  getReportRunInsights,
  queryInsights,
  type AdTree,
  type BudgetChange,
  type FilterSpec,
  type InsightsPage,
  type InsightsParams,
  type InsightsScope,
  type Objective,
  type ReportRuns,
} from "../insights";
import { pageUrl } from "../paging";
import type { AdAccountRecord, BudgetHistoryRecord, ReportRunRecord } from "../types";
import type { ResolvedNode } from "./nodes";

/**
 * The insights edges, wired to the simulator in ../insights:
 *   GET  /{act_id|campaign_id|adset_id|ad_id}/insights   synchronous, cursor-paged
 *   POST /{…same…}/insights                               → {report_run_id} (async job)
 *   GET  /{report_run_id}                                 the run's progress
 *   GET  /{report_run_id}/insights                        its rows once "Job Completed"
 * The simulator sees the account's stored objects (statuses, budgets and their
 * histories, times, hidden ad quality) as of the emulator clock. Report runs are
 * stored in the `reportRuns` collection, so they survive a Postgres-backed store.
 */

export type InsightsNode = Extract<ResolvedNode, { kind: "adAccount" | "campaign" | "adSet" | "ad" }>;

export const isInsightsNode = (node: ResolvedNode): node is InsightsNode =>
  node.kind === "adAccount" || node.kind === "campaign" || node.kind === "adSet" || node.kind === "ad";

function scopeOf(node: InsightsNode): InsightsScope {
  switch (node.kind) {
    case "adAccount":
      return { level: "account", id: node.account.id };
    case "campaign":
      return { level: "campaign", id: node.record.id };
    case "adSet":
      return { level: "adset", id: node.record.id };
    case "ad":
      return { level: "ad", id: node.record.id };
  }
}

/** Daily budgets as the simulator takes them: changes of a daily budget only (a lifetime budget is spread over its schedule). */
function dailyBudgetChanges(history: BudgetHistoryRecord[] | undefined): BudgetChange[] {
  return (history ?? []).flatMap((change) => (change.dailyBudget === null ? [] : [{ at: change.at, dailyBudget: change.dailyBudget }]));
}

/** The account's stored objects as the simulator's input. Deleted and archived objects stay in: their past delivery is history. */
export async function buildAdTree(ctx: CallContext, account: AdAccountRecord): Promise<AdTree> {
  const [campaigns, adSets, ads] = await Promise.all([
    ctx.store.list("campaigns", { accountId: account.id }),
    ctx.store.list("adSets", { accountId: account.id }),
    ctx.store.list("ads", { accountId: account.id }),
  ]);
  return {
    account: { id: account.id, currency: account.currency, timezone: account.timezoneName, name: account.name },
    campaigns: campaigns.map((campaign) => ({
      id: campaign.id,
      accountId: campaign.accountId,
      // Creation only accepts ODAX objectives, which are exactly the simulator's.
      objective: campaign.objective as Objective,
      status: campaign.status,
      dailyBudget: campaign.dailyBudget ?? undefined,
      lifetimeBudget: campaign.lifetimeBudget ?? undefined,
      createdTime: campaign.createdTime,
      startTime: campaign.startTime ?? undefined,
      stopTime: campaign.stopTime ?? undefined,
      statusHistory: campaign.statusHistory,
      budgetHistory: dailyBudgetChanges(campaign.budgetHistory),
      name: campaign.name,
    })),
    adsets: adSets.map((adSet) => ({
      id: adSet.id,
      campaignId: adSet.campaignId,
      status: adSet.status,
      dailyBudget: adSet.dailyBudget ?? undefined,
      lifetimeBudget: adSet.lifetimeBudget ?? undefined,
      startTime: adSet.startTime,
      endTime: adSet.endTime ?? undefined,
      optimizationGoal: adSet.optimizationGoal,
      budgetHistory: dailyBudgetChanges(adSet.budgetHistory),
      statusHistory: adSet.statusHistory,
      name: adSet.name,
    })),
    ads: ads.map((ad) => ({
      id: ad.id,
      adsetId: ad.adSetId,
      campaignId: ad.campaignId,
      status: ad.status,
      createdTime: ad.createdTime,
      // The stored hidden quality is authoritative (set once at creation by quality.ts).
      quality: ad.quality,
      statusHistory: ad.statusHistory,
      name: ad.name,
    })),
  };
}

// Meta's accepted values; the emulator validates them but reports every action under the default breakdown and window.
const ACTION_BREAKDOWNS = new Set([
  "action_device", "action_canvas_component_name", "action_carousel_card_id", "action_carousel_card_name", "action_destination",
  "action_reaction", "action_target_id", "action_type", "action_video_sound", "action_video_type", "conversion_destination",
  "matched_persona_id", "matched_persona_name", "signal_source_bucket", "standard_event_content_type",
]);
const ATTRIBUTION_WINDOWS = new Set([
  "1d_view", "7d_view", "28d_view", "1d_click", "7d_click", "28d_click", "1d_ev", "dda", "default",
  "7d_view_first_conversion", "28d_view_first_conversion", "7d_view_all_conversions", "28d_view_all_conversions",
  "skan_view", "skan_click", "skan_click_second_postback", "skan_view_second_postback", "skan_click_third_postback", "skan_view_third_postback",
]);

function checkListParam(ctx: CallContext, name: string, allowed: Set<string>): void {
  for (const value of ctx.params.list(name) ?? []) {
    if (!allowed.has(value)) throw invalidParam(`${name} must be one of the following values: ${[...allowed].join(", ")}`);
  }
}

/** The request's parameters in the shapes the insights module takes (query strings, or parsed JSON from a POST body). */
function insightsParams(ctx: CallContext): InsightsParams {
  const values = ctx.params.values;
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  // Breakdowns would change the rows' shape; the simulator has none, so say so rather than answer unbroken rows.
  if ((ctx.params.list("breakdowns") ?? []).length > 0) throw invalidParam("breakdowns are not supported by the sandbox Graph emulator");
  if (ctx.params.has("time_ranges")) throw invalidParam("time_ranges is not supported by the sandbox Graph emulator; send time_range");
  checkListParam(ctx, "action_breakdowns", ACTION_BREAKDOWNS);
  checkListParam(ctx, "action_attribution_windows", ATTRIBUTION_WINDOWS);

  const fields = values.fields;
  const timeRange = values.time_range;
  const filtering = values.filtering;
  return {
    level: text("level"),
    fields: Array.isArray(fields) ? fields.map(String) : text("fields"),
    time_range: timeRange && typeof timeRange === "object" && !Array.isArray(timeRange) ? (timeRange as { since?: string; until?: string }) : text("time_range"),
    date_preset: text("date_preset"),
    time_increment: text("time_increment"),
    filtering: Array.isArray(filtering) ? (filtering as FilterSpec[]) : text("filtering"),
    limit: text("limit"),
    after: text("after"),
    before: text("before"),
  };
}

/** The page size the next/previous links repeat (the module validates the parameter itself). */
function linkLimit(params: InsightsParams): number {
  const limit = Number(params.limit ?? 25);
  return Number.isInteger(limit) && limit >= 1 ? Math.min(limit, 5000) : 25;
}

function pageLinks(ctx: CallContext, params: InsightsParams) {
  const limit = linkLimit(params);
  return {
    buildNextUrl: (after: string) => pageUrl(ctx, { after }, limit),
    buildPreviousUrl: (before: string) => pageUrl(ctx, { before }, limit),
  };
}

/** `GET /{object}/insights`. */
export async function readInsights(ctx: CallContext, node: InsightsNode): Promise<InsightsPage> {
  const params = insightsParams(ctx);
  return queryInsights({
    tree: await buildAdTree(ctx, node.account),
    params,
    asOf: ctx.now().toISOString(),
    scope: scopeOf(node),
    maxCells: ctx.insights?.maxSyncCells,
    ...pageLinks(ctx, params),
  });
}

/** `POST /{object}/insights`: validates now, stores the run, answers its id. */
export async function createInsightsRun(ctx: CallContext, node: InsightsNode): Promise<{ report_run_id: string }> {
  const params = insightsParams(ctx);
  // Paging belongs to reading the results, not to the job.
  const { limit: _limit, after: _after, before: _before, ...jobParams } = params;
  const runs: ReportRuns = {};
  const id = await ctx.store.nextId();
  createReportRun(runs, {
    tree: await buildAdTree(ctx, node.account),
    params: jobParams,
    now: ctx.now(),
    scope: scopeOf(node),
    durationMs: ctx.insights?.reportRunDurationMs,
    maxCells: ctx.insights?.maxAsyncCells,
    id,
  });
  const run = runs[id];
  if (!run) throw new Error(`report run ${id} was not created`);
  // Taken only once the job is accepted, so a rejected request does not use up the fault.
  const failAtPercent = ctx.faults.takeReportRunFailure(`/${GRAPH_VERSION}/${ctx.path}`);
  await ctx.store.put("reportRuns", failAtPercent === undefined ? run : { ...run, failAtPercent });
  return { report_run_id: id };
}

/** `GET /{report_run_id}`: Meta's AdReportRun node. */
export const reportRunView: NodeView<ReportRunRecord> = {
  typeName: "AdReportRun",
  defaultFields: ["id", "account_id", "time_ref", "time_completed", "async_status", "async_percent_completion", "date_start", "date_stop"],
  async render(ctx, run) {
    const view = getReportRun({ [run.id]: run }, run.id, ctx.now());
    return {
      // Every AdReportRun field is known (null ones are left out of answers), so asking for one never errors.
      async_report_url: null,
      emails: null,
      error_code: null,
      friendly_name: null,
      schedule_id: null,
      time_completed: null,
      ...view,
      is_async_export: false,
      is_bookmarked: false,
    };
  },
};

/** `GET /{report_run_id}/insights`: the run's rows, as of its submission, once completed. */
export async function readReportRunInsights(ctx: CallContext, run: ReportRunRecord, account: AdAccountRecord): Promise<InsightsPage> {
  const params = insightsParams(ctx);
  return getReportRunInsights({ [run.id]: run }, run.id, {
    tree: await buildAdTree(ctx, account),
    now: ctx.now(),
    limit: params.limit,
    after: params.after,
    before: params.before,
    ...pageLinks(ctx, params),
  });
}
