/**
 * Insights for the Meta Graph emulator: a deterministic delivery simulator and
 * the insights edge logic on top of it. Pure functions, no I/O: the core's
 * request handler maps its store onto `AdTree`, calls these, and turns a
 * thrown `InsightsError` into Meta's error envelope.
 */
export type * from "./types";
export { qualityFor } from "./quality";
export { simulateDelivery, simulateInsights } from "./simulate";
export { resolveDatePreset, resolveDateRange, DATE_PRESETS, DEFAULT_DATE_PRESET, type DateRange } from "./date-range";
export {
  queryInsights,
  resolveInsightsRequest,
  insightsRows,
  pageInsightsRows,
  adsInScope,
  MAX_SYNC_CELLS,
  type InsightsParams,
  type InsightsQuery,
  type InsightsPage,
  type InsightsScope,
  type InsightsOutputRow,
  type ResolvedInsightsRequest,
} from "./query";
export { createReportRun, getReportRun, getReportRunInsights, MAX_ASYNC_CELLS, type ReportRuns, type ReportRunState, type ReportRunView, type AsyncStatus } from "./report-runs";
export { InsightsError, isInsightsError } from "./errors";
export type { Level } from "./fields";
export type { FilterSpec } from "./filtering";
