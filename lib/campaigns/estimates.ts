import "server-only";
import type { CampaignPurpose } from "@/db/schema";
import { minorUnitsPerUsd } from "./currency-rates";
import { PURPOSES, type Band } from "./purposes";

/** Totals of an ad account's past delivery for one purpose; spend in minor units of the account's currency. */
export type AccountHistory = { impressions: number; reach: number; clicks: number; conversions: number; spend: number };

export type EstimateInput = {
  purpose: CampaignPurpose;
  /** Minor units; a daily budget runs for `days`, a lifetime budget is spent over them. */
  budget: { amount: number; kind: "daily" | "lifetime"; days: number };
  currency: string;
  history?: AccountHistory | null;
};

export type Estimate = {
  /** "history" when the account's own past campaigns of this purpose set the rates; label it an estimate either way. */
  basis: "history" | "benchmark";
  /** Minor units the budget spends in total. */
  spend: number;
  impressions: Band;
  reach: Band;
  clicks: Band;
  /** Null when the purpose's result is reach (awareness, store visits). */
  conversions: Band | null;
  /** Minor units per result; null when no result is expected. */
  cpa: Band | null;
  resultName: string | null;
};

/** Fewer impressions than this say more about luck than about the account. */
export const MIN_HISTORY_IMPRESSIONS = 1000;

/** A new campaign rarely repeats the account's averages: its own rates are widened by this much either way. */
const HISTORY_SPREAD = 0.2;

/** How often one person sees the ads over a short campaign (rough; Meta reports 1.2–2.5 for most small budgets). */
const BENCHMARK_FREQUENCY: Band = { low: 1.2, high: 2.5 };

const around = (value: number): Band => ({ low: value * (1 - HISTORY_SPREAD), high: value * (1 + HISTORY_SPREAD) });

type Rates = { cpm: Band; ctr: Band; conversionRate: Band | null; frequency: Band };

function historyRates(history: AccountHistory, hasResult: boolean): Rates {
  const frequency = Math.max(1, history.reach > 0 ? history.impressions / history.reach : 1);
  return {
    cpm: around((history.spend / history.impressions) * 1000),
    ctr: around(history.clicks / history.impressions),
    conversionRate: hasResult ? around(history.clicks > 0 ? history.conversions / history.clicks : 0) : null,
    // Daily rows understate how often the same people see a campaign over several days.
    frequency: { low: frequency, high: frequency * 1.5 },
  };
}

function benchmarkRates(purpose: CampaignPurpose, currency: string): Rates | null {
  const perUsd = minorUnitsPerUsd(currency);
  if (perUsd === null) return null;
  const { cpmUsd, ctr, conversionRate } = PURPOSES[purpose].benchmark;
  return { cpm: { low: cpmUsd.low * perUsd, high: cpmUsd.high * perUsd }, ctr, conversionRate, frequency: BENCHMARK_FREQUENCY };
}

/**
 * What a budget may buy, as low–high bands: impressions from CPM, clicks from
 * CTR, results from the conversion rate, reach from frequency. The account's
 * own history of this purpose sets the rates when there is enough of it, else
 * the purpose's benchmark figures do. Null when neither applies: no history
 * and a currency the benchmarks cannot be converted into.
 */
export function estimateResults(input: EstimateInput): Estimate | null {
  const spec = PURPOSES[input.purpose];
  const hasResult = spec.benchmark.conversionRate !== null;
  const history = input.history && input.history.impressions >= MIN_HISTORY_IMPRESSIONS && input.history.spend > 0 ? input.history : null;
  const rates = history ? historyRates(history, hasResult) : benchmarkRates(input.purpose, input.currency);
  if (!rates) return null;

  const days = Math.max(1, Math.round(input.budget.days));
  const spend = input.budget.kind === "daily" ? input.budget.amount * days : input.budget.amount;
  const impressions = { low: (spend / rates.cpm.high) * 1000, high: (spend / rates.cpm.low) * 1000 };
  const clicks = { low: impressions.low * rates.ctr.low, high: impressions.high * rates.ctr.high };
  const conversions = rates.conversionRate ? { low: clicks.low * rates.conversionRate.low, high: clicks.high * rates.conversionRate.high } : null;
  const reach = { low: impressions.low / rates.frequency.high, high: impressions.high / rates.frequency.low };

  const whole = (band: Band): Band => ({ low: Math.round(band.low), high: Math.round(band.high) });
  const results = conversions ? whole(conversions) : null;
  return {
    basis: history ? "history" : "benchmark",
    spend,
    impressions: whole(impressions),
    reach: whole(reach),
    clicks: whole(clicks),
    conversions: results,
    // At worst the whole budget buys one result; with none expected there is no cost per result to show.
    cpa: results && results.high >= 1 ? { low: Math.round(spend / results.high), high: Math.round(spend / Math.max(1, results.low)) } : null,
    resultName: spec.resultName,
  };
}
