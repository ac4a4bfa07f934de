import { ROAS_ACTION_TYPE } from "./actions";
import { formatMajor, formatRatio, minorPerMajor } from "./currency";
import type { ActionStat, DeliveryRecord } from "./types";

/**
 * Sums of delivery records and the Graph-formatted metrics derived from them.
 * Ratios (ctr, cpc, cpm, frequency, cost per action, ROAS) are always
 * recomputed from the sums, never averaged, so every level agrees with Ads
 * Manager's arithmetic.
 */
export type Totals = {
  impressions: number;
  reach: number;
  clicks: number;
  spendMinor: number;
  actions: Record<string, number>;
  actionValuesMinor: Record<string, number>;
  /** How many ad-days were summed; reach is only exact for one. */
  records: number;
};

/** Overlap assumed between the audiences of summed rows: aggregated reach = Σ reach × this. */
export const AGGREGATED_REACH_FACTOR = 0.9;

export const emptyTotals = (): Totals => ({ impressions: 0, reach: 0, clicks: 0, spendMinor: 0, actions: {}, actionValuesMinor: {}, records: 0 });

export function addRecord(totals: Totals, record: DeliveryRecord): void {
  totals.impressions += record.impressions;
  totals.reach += record.reach;
  totals.clicks += record.clicks;
  totals.spendMinor += record.spendMinor;
  for (const [type, count] of Object.entries(record.actions)) totals.actions[type] = (totals.actions[type] ?? 0) + count;
  for (const [type, value] of Object.entries(record.actionValuesMinor)) {
    totals.actionValuesMinor[type] = (totals.actionValuesMinor[type] ?? 0) + value;
  }
  totals.records++;
}

/**
 * Reach of summed rows. True unique reach needs user-level data the simulator
 * does not keep, so it is approximated as Σ reach × 0.9 (people seen on several
 * days or by several ads counted once), never above impressions.
 */
export function approximateReach(totals: Totals): number {
  if (totals.records <= 1) return totals.reach;
  const reach = Math.round(totals.reach * AGGREGATED_REACH_FACTOR);
  return Math.min(totals.impressions, Math.max(reach, totals.impressions > 0 ? 1 : 0));
}

export type MetricValue = string | ActionStat[];

/** Every metric field the emulator can report, keyed by Graph field name; absent when undefined (0 denominators). */
export function metricValues(totals: Totals, currency: string): Record<string, MetricValue | undefined> {
  const reach = approximateReach(totals);
  const spendMajor = totals.spendMinor / minorPerMajor(currency);
  const perMille = (count: number) => (count > 0 ? formatRatio((spendMajor / count) * 1000) : undefined);
  const actions = Object.entries(totals.actions).filter(([, count]) => count > 0);
  const values = Object.entries(totals.actionValuesMinor).filter(([, value]) => value > 0);
  const roasValue = totals.actionValuesMinor[ROAS_ACTION_TYPE];
  return {
    impressions: String(totals.impressions),
    reach: String(reach),
    frequency: reach > 0 ? formatRatio(totals.impressions / reach) : undefined,
    clicks: String(totals.clicks),
    inline_link_clicks: String(totals.clicks),
    spend: formatMajor(totals.spendMinor, currency),
    ctr: totals.impressions > 0 ? formatRatio((totals.clicks / totals.impressions) * 100) : undefined,
    cpc: totals.clicks > 0 ? formatRatio(spendMajor / totals.clicks) : undefined,
    cpm: perMille(totals.impressions),
    cpp: perMille(reach),
    actions: actions.length ? actions.map(([type, count]) => stat(type, String(count))) : undefined,
    action_values: values.length ? values.map(([type, value]) => stat(type, formatMajor(value, currency))) : undefined,
    cost_per_action_type: actions.length ? actions.map(([type, count]) => stat(type, formatRatio(spendMajor / count))) : undefined,
    purchase_roas:
      roasValue !== undefined && roasValue > 0 && totals.spendMinor > 0
        ? [stat(ROAS_ACTION_TYPE, formatRatio(roasValue / totals.spendMinor))]
        : undefined,
  };
}

const stat = (action_type: string, value: string): ActionStat => ({ action_type, value });
