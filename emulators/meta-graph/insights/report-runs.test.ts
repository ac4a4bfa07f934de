import { describe, expect, it } from "vitest";
import { InsightsError } from "./errors";
import { queryInsights } from "./query";
import { createReportRun, getReportRun, getReportRunInsights, type ReportRuns } from "./report-runs";
import { wideTree } from "./test-fixtures";

const tree = wideTree();
const T0 = Date.parse("2025-03-20T12:00:00Z");
const params = { level: "ad", date_preset: "last_14d", time_increment: "1", fields: "spend,impressions,actions" };

describe("report runs", () => {
  it("progresses Not Started → Started → Running → Completed over time", () => {
    const runs: ReportRuns = {};
    const { report_run_id: id } = createReportRun(runs, { tree, params, now: T0, durationMs: 10_000 });
    const at = (ms: number) => getReportRun(runs, id, T0 + ms);
    expect(at(0)).toMatchObject({ id, account_id: "1", async_status: "Job Not Started", async_percent_completion: 0, is_running: true });
    expect(at(1_500)).toMatchObject({ async_status: "Job Started", async_percent_completion: 0 });
    expect(at(6_000)).toMatchObject({ async_status: "Job Running", async_percent_completion: 50 });
    expect(at(10_000)).toMatchObject({ async_status: "Job Completed", async_percent_completion: 100, is_running: false, time_completed: T0 / 1000 + 10 });
    expect(at(0)).toMatchObject({ date_start: "2025-03-06", date_stop: "2025-03-19", time_ref: T0 / 1000 });

    // Polling every second never goes backwards.
    const percents = Array.from({ length: 12 }, (_, s) => at(s * 1000).async_percent_completion);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it("completes within a few seconds by default, deterministically", () => {
    const runs: ReportRuns = {};
    const { report_run_id: id } = createReportRun(runs, { tree, params, now: T0 });
    expect(getReportRun(runs, id, T0 + 6_000).async_status).toBe("Job Completed");
    const again: ReportRuns = {};
    expect(createReportRun(again, { tree, params, now: T0 }).report_run_id).toBe(id);
    expect(createReportRun(again, { tree, params, now: T0 }).report_run_id).not.toBe(id);
  });

  it("serves results only once completed, paged like the synchronous edge", () => {
    const runs: ReportRuns = {};
    const { report_run_id: id } = createReportRun(runs, { tree, params, now: new Date(T0), durationMs: 4_000 });
    expect(() => getReportRunInsights(runs, id, { tree, now: T0 + 1_000 })).toThrow(/not completed/);

    const nextUrl = (after: string) => `https://graph.test/v24.0/${id}/insights?after=${after}`;
    const first = getReportRunInsights(runs, id, { tree, now: T0 + 60_000, limit: 20, buildNextUrl: nextUrl });
    const sync = queryInsights({ tree, params: { ...params, limit: 20 }, asOf: new Date(T0).toISOString(), buildNextUrl: nextUrl });
    expect(first).toEqual(sync);
    expect(first.paging?.next).toBeDefined();

    // Results are as of submission: a later read does not see more settled conversions.
    const later = getReportRunInsights(runs, id, { tree, now: T0 + 5 * 86_400_000, limit: 20, buildNextUrl: nextUrl });
    expect(later).toEqual(first);
  });

  it("keeps its state in plain JSON", () => {
    const runs: ReportRuns = {};
    const { report_run_id: id } = createReportRun(runs, { tree, params, now: T0, durationMs: 4_000 });
    const restored: ReportRuns = JSON.parse(JSON.stringify(runs));
    expect(getReportRun(restored, id, T0 + 2_000)).toEqual(getReportRun(runs, id, T0 + 2_000));
  });

  it("fails on request for tests: Job Failed, results error -2/2490547", () => {
    const runs: ReportRuns = {};
    const { report_run_id: id } = createReportRun(runs, { tree, params, now: T0, durationMs: 10_000, failAtPercent: 40 });
    expect(getReportRun(runs, id, T0 + 4_000)).toMatchObject({ async_status: "Job Running", async_percent_completion: 25 });
    expect(getReportRun(runs, id, T0 + 5_200)).toMatchObject({ async_status: "Job Failed", async_percent_completion: 40, is_running: false });
    expect(getReportRun(runs, id, T0 + 60_000).async_status).toBe("Job Failed");
    expect(() => getReportRunInsights(runs, id, { tree, now: T0 + 60_000 })).toThrow(expect.objectContaining({ code: -2, subcode: 2490547 }));
  });

  it("rejects unknown runs (100/33) and bad parameters at submission", () => {
    expect(() => getReportRun({}, "404", T0)).toThrow(expect.objectContaining({ code: 100, subcode: 33 }));
    expect(() => createReportRun({}, { tree, params: { fields: "nope" }, now: T0 })).toThrow(InsightsError);
  });
});
