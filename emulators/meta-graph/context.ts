import type { FaultInjector } from "./faults";
import type { Params } from "./params";
import type { AccessTier } from "./rate-limit";
import type { GraphStore } from "./store";
import type { TokenRecord, UserRecord } from "./types";

export const GRAPH_VERSION = "v24.0";

/** Tuning of the insights edges (see objects/insights.ts). */
export type InsightsOptions = {
  /** how long an async report run takes; default 2–6 s of emulator clock, derived from the run id */
  reportRunDurationMs?: number;
  /** largest (days × ads) a synchronous read answers before 100/1487534 (default 5000) */
  maxSyncCells?: number;
  /** the same for async report runs (default 1,000,000) */
  maxAsyncCells?: number;
};

/** What every part of the emulator may read: configuration plus state. */
export type EmulatorContext = {
  appId: string;
  appSecret: string;
  /** absolute, without a trailing slash */
  baseUrl: string;
  now: () => Date;
  accessTier: AccessTier;
  store: GraphStore;
  faults: FaultInjector;
  insights?: InsightsOptions;
};

/** One authenticated Graph call (a plain request or one batch item). */
export type CallContext = EmulatorContext & {
  method: "GET" | "POST" | "DELETE";
  /** path below the version, without leading slash: "act_1/campaigns" */
  path: string;
  params: Params;
  token: TokenRecord;
  user: UserRecord;
};

/** Graph renders times as `2024-01-02T09:00:00+0000`. */
export function graphTime(iso: string | null): string | null {
  if (!iso) return null;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

/** Graph accepts ISO 8601 (any offset) or a unix timestamp for times. */
export function parseGraphTime(value: string): Date | undefined {
  // A "+0000" offset sent raw in a form body arrives as " 0000"; put the sign back.
  const text = value.trim().replace(/(T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s(\d{2}:?\d{2})$/, "$1+$2");
  const date = /^\d+$/.test(text) ? new Date(Number(text) * 1000) : new Date(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
