import { addDays } from "@/lib/analytics/sync/window";
import type { BudgetMove, ExpectedEffect } from "@/db/schema";
import type { EntityInput } from "../types";

/** Days behind the estimate: two weeks, leaving out the last two days while Meta is still attributing them. */
const RECENT_DAYS = 14;
const SETTLING_DAYS = 2;

/** Results (or value) per unit of spend over the recent, settled days; null without spend. */
export function recentRate(entity: EntityInput, today: string, metric: ExpectedEffect["metric"]): number | null {
  const from = addDays(today, -(RECENT_DAYS + SETTLING_DAYS));
  const to = addDays(today, -SETTLING_DAYS);
  let spend = 0;
  let result = 0;
  for (const day of entity.history) {
    if (day.date < from || day.date >= to) continue;
    spend += day.spend;
    result += metric === "value" ? day.conversionValue : day.conversions;
  }
  return spend > 0 ? result / spend : null;
}

/**
 * Results a day before and after the move, if each campaign kept its recent
 * cost per result. Real returns diminish as a budget grows, so this is an upper
 * estimate, and the product says "about".
 */
export function expectedEffect(moves: BudgetMove[], entities: EntityInput[], today: string, metric: ExpectedEffect["metric"]): ExpectedEffect {
  let before = 0;
  let after = 0;
  for (const move of moves) {
    const entity = entities.find((candidate) => candidate.id === move.campaignId);
    const rate = entity ? recentRate(entity, today, metric) : null;
    if (rate === null) continue;
    before += move.from * rate;
    after += move.to * rate;
  }
  return { metric, before: round(before), after: round(after) };
}

const round = (value: number) => Math.round(value * 100) / 100;
