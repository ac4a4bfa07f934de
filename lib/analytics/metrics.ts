/**
 * The ratios every performance figure is shown with, computed from raw sums and
 * never averaged from stored ratios (an average of daily CPAs is not the CPA).
 * A ratio whose denominator is zero is null: "no data", never 0 or Infinity.
 * Money is major units as numbers here (display only); sums are done in SQL on
 * DECIMAL columns so totals stay exact to the cent.
 */
export type Totals = {
  spend: number;
  impressions: number;
  reach: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
};

export type Ratios = {
  /** Clicks per impression, 0..1 (shown as a percentage). */
  ctr: number | null;
  /** Spend per click. */
  cpc: number | null;
  /** Spend per conversion. */
  cpa: number | null;
  /** Conversion value per unit of spend. */
  roas: number | null;
  /** Spend per 1,000 impressions. */
  cpm: number | null;
};

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 && Number.isFinite(numerator) ? numerator / denominator : null;
}

export function ratiosOf(totals: Totals): Ratios {
  return {
    ctr: ratio(totals.clicks, totals.impressions),
    cpc: ratio(totals.spend, totals.clicks),
    cpa: ratio(totals.spend, totals.conversions),
    roas: ratio(totals.conversionValue, totals.spend),
    cpm: totals.impressions > 0 ? (totals.spend / totals.impressions) * 1000 : null,
  };
}

/** Relative change from `previous` to `current` (0.25 = +25%); null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/**
 * Meta keeps attributing conversions to a day for a while after it: the last
 * `SETTLING_DAYS` days (today included) are shown as "still settling".
 */
export const SETTLING_DAYS = 3;

/** Whether `date` (YYYY-MM-DD) is within the settling window ending at `today`. */
export function isSettling(date: string, today: string): boolean {
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  return days < SETTLING_DAYS;
}
