import { change, ratiosOf, type Ratios, type Totals } from "@/lib/analytics/metrics";
import { minorUnitDigits } from "@/lib/money";
import type { CurrencyTotals, WeekSums } from "./types";

export const ZERO_SUMS: WeekSums = { spend: 0, conversionValue: 0, impressions: 0, clicks: 0, conversions: 0 };

/** Integer minor units add exactly; this never mixes currencies (callers group first). */
export function addSums(a: WeekSums, b: WeekSums): WeekSums {
  return {
    spend: a.spend + b.spend,
    conversionValue: a.conversionValue + b.conversionValue,
    impressions: a.impressions + b.impressions,
    clicks: a.clicks + b.clicks,
    conversions: a.conversions + b.conversions,
  };
}

/** The shared ratio rules (null on a zero denominator), on major units as lib/analytics/metrics expects. */
export function ratiosOfSums(sums: WeekSums, currency: string): Ratios {
  const scale = minorUnitDigits(currency) === 0 ? 1 : 100;
  const totals: Totals = {
    spend: sums.spend / scale,
    conversionValue: sums.conversionValue / scale,
    impressions: sums.impressions,
    clicks: sums.clicks,
    conversions: sums.conversions,
    // Daily reach does not add up to the week's reach; the report does not show it.
    reach: 0,
  };
  return ratiosOf(totals);
}

/** One currency's two weeks side by side, with the change in each figure. */
export function currencyTotals(currency: string, current: WeekSums, previous: WeekSums): CurrencyTotals {
  const ratios = { current: ratiosOfSums(current, currency), previous: ratiosOfSums(previous, currency) };
  return {
    currency,
    current,
    previous,
    ratios,
    changes: {
      spend: change(current.spend, previous.spend),
      conversionValue: change(current.conversionValue, previous.conversionValue),
      impressions: change(current.impressions, previous.impressions),
      clicks: change(current.clicks, previous.clicks),
      conversions: change(current.conversions, previous.conversions),
      cpa: change(ratios.current.cpa, ratios.previous.cpa),
      roas: change(ratios.current.roas, ratios.previous.roas),
      ctr: change(ratios.current.ctr, ratios.previous.ctr),
      cpc: change(ratios.current.cpc, ratios.previous.cpc),
    },
  };
}

/** Totals per currency, biggest spender first (ties by code, so the order is stable). */
export function totalsByCurrency(campaigns: Array<{ currency: string; current: WeekSums; previous: WeekSums }>): CurrencyTotals[] {
  const groups = new Map<string, { current: WeekSums; previous: WeekSums }>();
  for (const campaign of campaigns) {
    const group = groups.get(campaign.currency) ?? { current: ZERO_SUMS, previous: ZERO_SUMS };
    groups.set(campaign.currency, { current: addSums(group.current, campaign.current), previous: addSums(group.previous, campaign.previous) });
  }
  return [...groups.entries()]
    .map(([currency, group]) => currencyTotals(currency, group.current, group.previous))
    .sort((a, b) => b.current.spend - a.current.spend || a.currency.localeCompare(b.currency));
}
