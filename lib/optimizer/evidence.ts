/**
 * What each entity's history says, as weighted days. Recent days count more
 * (a forgetting factor, so fatigue shows), and the last three days are
 * corrected for conversions Meta has not attributed yet and weighted down
 * because that correction is itself a guess.
 */
import { daysBetween } from "./dates";
import { CLICK_HALF_LIFE_DAYS, HALF_LIFE_DAYS, LOOKBACK_DAYS, REPORTED_SHARE_BY_AGE, REPORT_WINDOW_DAYS } from "./defaults";
import type { EntityInput } from "./types";

export type WeightedDay = {
  /** Forgetting × settling weight of the day's evidence. */
  weight: number;
  /** Forgetting alone: clicks are reported within hours, so they need no settling weight. */
  recency: number;
  /** The clicks' faster forgetting, for their current level: they are numerous enough that fatigue can show sooner. */
  clickRecency: number;
  /** Share of the day's results already reported. */
  share: number;
  spend: number;
  clicks: number;
  conversions: number;
  value: number;
};

export type Evidence = {
  days: WeightedDay[];
  /** Weighted conversions: how much the entity has shown, in conversions. */
  conversions: number;
  /** Weighted conversion value, minor units. */
  value: number;
  /** Weighted spend, scaled by the share reported: what the conversions were bought with. */
  spend: number;
  /** Weighted clicks, scaled by the share reported: the clicks the conversions came from. */
  clicks: number;
  /** Plain totals over the report window, for the sentences a marketer reads. */
  window: { spend: number; conversions: number; value: number };
};

const DECAY_PER_DAY = Math.pow(0.5, 1 / HALF_LIFE_DAYS);
const CLICK_DECAY_PER_DAY = Math.pow(0.5, 1 / CLICK_HALF_LIFE_DAYS);

function reportedShare(age: number): number {
  return REPORTED_SHARE_BY_AGE[age] ?? 1;
}

/** Non-finite or negative numbers in a report are treated as missing, never propagated. */
function clean(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function evidenceOf(entity: EntityInput, today: string): Evidence {
  const evidence: Evidence = { days: [], conversions: 0, value: 0, spend: 0, clicks: 0, window: { spend: 0, conversions: 0, value: 0 } };
  for (const day of entity.history) {
    const age = daysBetween(day.date, today);
    // The contract says history is before today; anything else is ignored rather than trusted.
    if (age < 1 || age > LOOKBACK_DAYS) continue;
    const spend = clean(day.spend);
    const clicks = clean(day.clicks);
    const conversions = clean(day.conversions);
    const value = clean(day.conversionValue);
    const share = reportedShare(age);
    // Weighting a day by its reported share as well as by age keeps the
    // estimate unbiased (reported results ≈ share × true) while trusting
    // half-reported days less.
    const recency = Math.pow(DECAY_PER_DAY, age - 1);
    const weight = recency * share;
    const clickRecency = Math.pow(CLICK_DECAY_PER_DAY, age - 1);
    evidence.days.push({ weight, recency, clickRecency, share, spend, clicks, conversions, value });
    evidence.conversions += weight * conversions;
    evidence.value += weight * value;
    evidence.spend += weight * share * spend;
    evidence.clicks += weight * share * clicks;
    if (age <= REPORT_WINDOW_DAYS) {
      evidence.window.spend += spend;
      evidence.window.conversions += conversions;
      evidence.window.value += value;
    }
  }
  return evidence;
}
