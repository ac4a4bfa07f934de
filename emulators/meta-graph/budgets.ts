/**
 * Minimum daily budgets in minor units, by currency and by what the ad set pays
 * for. Meta's floors: $1/day when billed on impressions, $5/day on clicks, likes
 * and video views, $40/day for low-frequency events (app installs, offer claims).
 * Values for other currencies are Meta's rounded local equivalents (uncertain;
 * Meta publishes them per account via `min_daily_budget`).
 */
export type BudgetBasis = "impressions" | "clicks" | "lowFrequency";

const MINIMUMS: Record<string, Record<BudgetBasis, number>> = {
  USD: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  EUR: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  GBP: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  CAD: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  AUD: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  // Zero-decimal currencies: the minor unit is the whole unit.
  JPY: { impressions: 100, clicks: 500, lowFrequency: 4000 },
  INR: { impressions: 4000, clicks: 20000, lowFrequency: 200000 },
};

const FALLBACK = MINIMUMS.USD as Record<BudgetBasis, number>;

const CLICK_EVENTS = new Set(["LINK_CLICKS", "PAGE_LIKES", "POST_ENGAGEMENT", "THRUPLAY", "VIDEO_VIEWS"]);
const LOW_FREQUENCY_EVENTS = new Set(["APP_INSTALLS", "OFFER_CLAIMS"]);

export function budgetBasis(billingEvent: string): BudgetBasis {
  if (LOW_FREQUENCY_EVENTS.has(billingEvent)) return "lowFrequency";
  return CLICK_EVENTS.has(billingEvent) ? "clicks" : "impressions";
}

export function minDailyBudget(currency: string, billingEvent = "IMPRESSIONS"): number {
  return (MINIMUMS[currency] ?? FALLBACK)[budgetBasis(billingEvent)];
}

const ZERO_DECIMAL = new Set(["JPY", "KRW", "CLP", "VND", "HUF", "TWD", "ISK"]);

/** "$1.00" style text for error messages. */
export function formatMinor(amount: number, currency: string): string {
  const digits = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits }).format(digits ? amount / 100 : amount);
}
