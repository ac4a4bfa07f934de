import { DAY_SECONDS, localDay, localSeconds } from "./calendar";
import type { BudgetChange } from "./types";

/** Meta requires an end time for lifetime budgets; without one, spread it over this many days. */
const LIFETIME_FALLBACK_DAYS = 30;

export type BudgetSpec = {
  dailyBudget?: number;
  lifetimeBudget?: number;
  budgetHistory?: BudgetChange[];
  /** The schedule a lifetime budget is spread over. */
  start: string;
  end?: string;
};

/**
 * The budget (minor units) for one full local day, or undefined when the
 * object has none (an ad set under an Advantage campaign budget). A lifetime
 * budget is spread evenly over its schedule; partial first/last days are then
 * scaled by the delivery fraction, so the schedule spends it once in total.
 */
export function budgetForDay(spec: BudgetSpec, day: number, timeZone: string): number | undefined {
  if (spec.dailyBudget === undefined && spec.lifetimeBudget !== undefined) {
    const start = localSeconds(spec.start, timeZone);
    const end = spec.end ? localSeconds(spec.end, timeZone) : start + LIFETIME_FALLBACK_DAYS * DAY_SECONDS;
    const days = Math.max(end - start, DAY_SECONDS / 24) / DAY_SECONDS;
    return spec.lifetimeBudget / days;
  }
  const history = spec.budgetHistory ?? [];
  if (history.length > 0) {
    const changes = history.map((change) => ({ day: localDay(change.at, timeZone), budget: change.dailyBudget })).sort((a, b) => a.day - b.day);
    let budget = (changes[0] as { budget: number }).budget;
    for (const change of changes) {
      if (change.day > day) break;
      budget = change.budget;
    }
    return budget;
  }
  return spec.dailyBudget;
}

export const hasBudget = (spec: { dailyBudget?: number; lifetimeBudget?: number }): boolean =>
  (spec.dailyBudget ?? 0) > 0 || (spec.lifetimeBudget ?? 0) > 0;

/**
 * Splits an integer amount by weights, exactly (largest remainder), so the
 * parts of a day's spend always add up to the whole.
 */
export function splitMinor(total: number, weights: number[]): number[] {
  const sum = weights.reduce((acc, w) => acc + Math.max(w, 0), 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(w, 0) / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((acc, p) => acc + p, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] as number) + 1;
    left--;
  }
  return parts;
}
