import { addDays, daysBetween, type Week } from "./week";
import type { CampaignFacts } from "./load-campaign-weeks";
import type { Pacing } from "./types";

/** Days of `week` inside the campaign's schedule (its first day to its last, or open-ended). */
export function activeDaysIn(week: Week, facts: Pick<CampaignFacts, "startDate" | "endDate">): number {
  const from = facts.startDate > week.start ? facts.startDate : week.start;
  const to = facts.endDate !== null && facts.endDate < week.end ? facts.endDate : week.end;
  return Math.max(0, daysBetween(from, to) + 1);
}

/** The days of `week` inside the campaign's schedule. */
function scheduledDays(week: Week, facts: Pick<CampaignFacts, "startDate" | "endDate">): string[] {
  const from = facts.startDate > week.start ? facts.startDate : week.start;
  return Array.from({ length: activeDaysIn(week, facts) }, (_, index) => addDays(from, index));
}

/**
 * The daily budget in force on `day`: the last change made on or before it,
 * else what the first later change changed from, else today's budget. A budget
 * the optimizer cut on Wednesday is not held against Monday and Tuesday.
 */
export function budgetOn(day: string, facts: Pick<CampaignFacts, "dailyBudget" | "budgetChanges">): number {
  const before = facts.budgetChanges.filter((change) => change.date <= day).at(-1);
  if (before) return before.to;
  const after = facts.budgetChanges.find((change) => change.date > day);
  return after?.from ?? facts.dailyBudget ?? 0;
}

/**
 * How spend kept up with the budget. Daily budgets: the week's spend against
 * the budget in force on each day the campaign was scheduled this week.
 * Lifetime budgets: spend to date against the budget times the share of the
 * schedule that has elapsed by the end of the week. Null for campaigns without
 * a budget of that kind or (lifetime) without an end date to pace against.
 */
export function pacingOf(week: Week, facts: CampaignFacts): Pacing | null {
  const base = { campaignId: facts.campaignId, name: facts.name, currency: facts.currency };
  if (facts.budgetKind === "daily" && facts.dailyBudget !== null && facts.dailyBudget > 0) {
    const expected = scheduledDays(week, facts).reduce((total, day) => total + budgetOn(day, facts), 0);
    const spend = facts.current.spend;
    if (expected === 0 && spend === 0) return null;
    return { ...base, kind: "daily", budget: facts.dailyBudget, spend, expected, ratio: expected > 0 ? spend / expected : null };
  }
  if (facts.budgetKind === "lifetime" && facts.totalBudget !== null && facts.totalBudget > 0 && facts.endDate !== null) {
    const scheduleDays = daysBetween(facts.startDate, facts.endDate) + 1;
    if (scheduleDays <= 0) return null;
    const lastDay = facts.endDate < week.end ? facts.endDate : week.end;
    const elapsedDays = Math.min(scheduleDays, Math.max(0, daysBetween(facts.startDate, addDays(lastDay, 1))));
    const exact = (facts.totalBudget * elapsedDays) / scheduleDays;
    return {
      ...base,
      kind: "lifetime",
      budget: facts.totalBudget,
      spend: facts.spendToDate,
      expected: Math.round(exact),
      ratio: exact > 0 ? facts.spendToDate / exact : null,
    };
  }
  return null;
}
