/**
 * Builders for allocator tests: steady histories with a known cost per
 * conversion, so each test states the world it is about in one line.
 */
import { addDays } from "./dates";
import type { DailyStats, EntityInput } from "./types";

export const TODAY = "2025-03-15";

export type SteadyHistory = {
  days: number;
  /** Minor units spent each day. */
  spend: number;
  /** Conversions per day; fractional rates are spread evenly over the days. */
  conversionsPerDay: number;
  valuePerConversion?: number;
  /** Apply Meta's usual late reporting (60%, 80%, 95%) to the last three days. */
  settling?: boolean;
};

const SETTLING = [0.6, 0.8, 0.95];

export function steadyHistory(options: SteadyHistory): DailyStats[] {
  const history: DailyStats[] = [];
  let owed = 0;
  for (let age = options.days; age >= 1; age--) {
    owed += options.conversionsPerDay;
    let conversions = Math.floor(owed + 1e-9);
    owed -= conversions;
    if (options.settling && age <= 3) conversions = Math.round(conversions * SETTLING[age - 1]!);
    history.push({
      date: addDays(TODAY, -age),
      spend: options.spend,
      impressions: options.spend,
      clicks: Math.round(options.spend / 100),
      conversions,
      conversionValue: conversions * (options.valuePerConversion ?? 5000),
    });
  }
  return history;
}

export function entity(id: string, budget: number, history: DailyStats[], extra: Partial<EntityInput> = {}): EntityInput {
  return { id, currentDailyBudget: budget, minDailyBudget: 100, history, ...extra };
}
