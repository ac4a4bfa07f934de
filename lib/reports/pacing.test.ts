import { describe, expect, it } from "vitest";
import type { CampaignFacts } from "./load-campaign-weeks";
import { budgetOn, pacingOf } from "./pacing";
import { weekStarting } from "./week";

const WEEK = weekStarting("2026-03-02");
const ZERO = { spend: 0, conversionValue: 0, impressions: 0, clicks: 0, conversions: 0 };

function facts(overrides: Partial<CampaignFacts>): CampaignFacts {
  return {
    campaignId: "c1",
    name: "Spring",
    purpose: "sales",
    status: "active",
    currency: "USD",
    current: { ...ZERO, spend: 25_000 },
    previous: ZERO,
    budgetKind: "daily",
    dailyBudget: 3000,
    totalBudget: null,
    startDate: "2026-01-01",
    endDate: null,
    spendToDate: 90_000,
    budgetChanges: [],
    ...overrides,
  };
}

describe("pacing against the budget in force each day", () => {
  it("holds each day to the budget of that day, not today's", () => {
    // $50/day until the optimizer cut it to $30 on Wednesday the 4th.
    const cut = facts({ budgetChanges: [{ date: "2026-03-04", from: 5000, to: 3000 }] });
    expect([budgetOn("2026-03-02", cut), budgetOn("2026-03-03", cut), budgetOn("2026-03-04", cut), budgetOn("2026-03-08", cut)]).toEqual([5000, 5000, 3000, 3000]);
    expect(pacingOf(WEEK, cut)).toMatchObject({ expected: 2 * 5000 + 5 * 3000, spend: 25_000, ratio: 1 });
    // Without the history, the same week would look 19% over budget.
    expect(pacingOf(WEEK, facts({}))!.expected).toBe(7 * 3000);
  });

  it("uses the last change before the week, and a change after it for the days before", () => {
    const earlier = facts({ dailyBudget: 4000, budgetChanges: [{ date: "2026-02-20", from: 1000, to: 2000 }, { date: "2026-03-10", from: 2000, to: 4000 }] });
    expect(pacingOf(WEEK, earlier)!.expected).toBe(7 * 2000);
  });
});
