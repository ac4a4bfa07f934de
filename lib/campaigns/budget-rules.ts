import "server-only";
import { formatMoney, minorUnitDigits } from "@/lib/money";

/**
 * Meta's minimum daily budget for ad sets billed on impressions, in minor units,
 * where Meta's figure is known to us: $1.00 a day in USD and the rounded local
 * equivalents Meta uses (the same figures the Graph emulator enforces; Meta
 * publishes the real one per account as `min_daily_budget`). The real minimum
 * also depends on the billing event, and Meta enforces it server-side anyway:
 * this check only spares the marketer a failed launch.
 */
const IMPRESSIONS_MINIMUM: Record<string, number> = {
  USD: 100,
  EUR: 100,
  GBP: 100,
  CAD: 100,
  AUD: 100,
  JPY: 100,
  INR: 4000,
};

/** Meta's floor scales with what is paid for: $1 impressions, $5 clicks/views/likes, $40 app installs and offer claims. */
const BILLING_MULTIPLIER: Record<string, number> = {
  IMPRESSIONS: 1,
  LINK_CLICKS: 5,
  THRUPLAY: 5,
  POST_ENGAGEMENT: 5,
  PAGE_LIKES: 5,
  APP_INSTALLS: 40,
  OFFER_CLAIMS: 40,
};

/** A start this close to the past still counts as "now": the form was filled a moment ago. */
const START_GRACE_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The smallest daily budget (minor units) to accept: Meta's documented value, and
 * never less than one whole unit of the currency for currencies not in the table.
 */
export function minimumDailyBudget(currency: string, billingEvent = "IMPRESSIONS"): number {
  const code = currency.toUpperCase();
  const oneMajorUnit = minorUnitDigits(code) === 2 ? 100 : 1;
  const base = Math.max(IMPRESSIONS_MINIMUM[code] ?? 0, oneMajorUnit);
  return base * (BILLING_MULTIPLIER[billingEvent] ?? 1);
}

/** Whole days the schedule covers, rounded up, at least one (Meta counts a started day). */
export function scheduleDays(start: Date, end: Date): number {
  return Math.max(1, Math.ceil((end.getTime() - start.getTime()) / DAY_MS));
}

export type BudgetPlan = {
  kind: "daily" | "lifetime";
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  /** Absent: starts as soon as it is launched. */
  startTime?: Date;
  endTime?: Date;
  billingEvent?: string;
};

export type BudgetProblem = { field: "amount" | "startTime" | "endTime"; message: string };

/** What is wrong with a budget and schedule, in words for the marketer; empty when Meta should accept it. */
export function budgetProblems(plan: BudgetPlan, now = new Date()): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  const minimum = minimumDailyBudget(plan.currency, plan.billingEvent);
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const start = plan.startTime ?? now;

  if (plan.startTime && plan.startTime.getTime() < now.getTime() - START_GRACE_MS) {
    problems.push({ field: "startTime", message: "The start date is in the past. Pick a later time, or leave it empty to start as soon as the campaign launches." });
  }
  if (plan.endTime && plan.endTime.getTime() <= start.getTime()) {
    problems.push({ field: "endTime", message: plan.startTime ? "The end date must be after the start date." : "The end date must be in the future." });
  }

  if (!Number.isSafeInteger(plan.amount) || plan.amount <= 0) {
    problems.push({ field: "amount", message: "Enter a budget greater than zero." });
  } else if (plan.kind === "daily") {
    if (plan.amount < minimum) problems.push({ field: "amount", message: `Meta's minimum daily budget for this ad account is ${money(minimum)}.` });
  } else if (!plan.endTime) {
    problems.push({ field: "endTime", message: "A lifetime budget needs an end date. Add one, or switch to a daily budget." });
  } else if (plan.endTime.getTime() > start.getTime()) {
    const days = scheduleDays(start, plan.endTime);
    if (plan.amount < minimum * days) {
      problems.push({
        field: "amount",
        message: `For ${days} ${days === 1 ? "day" : "days"}, the lifetime budget must be at least ${money(minimum * days)} (Meta's minimum of ${money(minimum)} a day).`,
      });
    }
  }
  return problems;
}
