import { describe, expect, it } from "vitest";
import { budgetProblems, minimumDailyBudget, scheduleDays } from "./budget-rules";

const now = new Date("2026-03-02T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe("budget rules", () => {
  it("knows Meta's daily minimum per currency, never below one whole unit", () => {
    expect(minimumDailyBudget("USD")).toBe(100);
    expect(minimumDailyBudget("eur")).toBe(100);
    // Yen have no minor unit: ¥100, not ¥1.
    expect(minimumDailyBudget("JPY")).toBe(100);
    expect(minimumDailyBudget("INR")).toBe(4000);
    // Not in the table: one whole unit of the currency.
    expect(minimumDailyBudget("CHF")).toBe(100);
    expect(minimumDailyBudget("KRW")).toBe(1);
    // The floor rises with what is paid for.
    expect(minimumDailyBudget("USD", "LINK_CLICKS")).toBe(500);
    expect(minimumDailyBudget("USD", "APP_INSTALLS")).toBe(4000);
  });

  it("refuses a daily budget below the minimum, in USD and in JPY", () => {
    expect(budgetProblems({ kind: "daily", amount: 99, currency: "USD" }, now)).toEqual([
      { field: "amount", message: "Meta's minimum daily budget for this ad account is $1.00." },
    ]);
    expect(budgetProblems({ kind: "daily", amount: 100, currency: "USD" }, now)).toEqual([]);
    expect(budgetProblems({ kind: "daily", amount: 99, currency: "JPY" }, now)).toEqual([
      { field: "amount", message: "Meta's minimum daily budget for this ad account is ¥100." },
    ]);
    expect(budgetProblems({ kind: "daily", amount: 100, currency: "JPY" }, now)).toEqual([]);
    expect(budgetProblems({ kind: "daily", amount: 0, currency: "USD" }, now)).toEqual([{ field: "amount", message: "Enter a budget greater than zero." }]);
  });

  it("a lifetime budget needs an end date and at least the daily minimum for every day", () => {
    expect(budgetProblems({ kind: "lifetime", amount: 10_000, currency: "USD" }, now)).toEqual([
      { field: "endTime", message: "A lifetime budget needs an end date. Add one, or switch to a daily budget." },
    ]);
    expect(budgetProblems({ kind: "lifetime", amount: 999, currency: "USD", startTime: days(1), endTime: days(11) }, now)).toEqual([
      { field: "amount", message: "For 10 days, the lifetime budget must be at least $10.00 (Meta's minimum of $1.00 a day)." },
    ]);
    expect(budgetProblems({ kind: "lifetime", amount: 1000, currency: "USD", startTime: days(1), endTime: days(11) }, now)).toEqual([]);
    // No start: it starts at launch, so the days count from now.
    expect(budgetProblems({ kind: "lifetime", amount: 299, currency: "JPY", endTime: days(3) }, now)).toEqual([
      { field: "amount", message: "For 3 days, the lifetime budget must be at least ¥300 (Meta's minimum of ¥100 a day)." },
    ]);
  });

  it("starts now or later, and ends after it starts", () => {
    expect(budgetProblems({ kind: "daily", amount: 500, currency: "USD", startTime: days(-1) }, now)).toEqual([
      { field: "startTime", message: expect.stringContaining("in the past") },
    ]);
    // A minute ago is "now": the form was filled in a moment before it was saved.
    expect(budgetProblems({ kind: "daily", amount: 500, currency: "USD", startTime: new Date(now.getTime() - 60_000) }, now)).toEqual([]);
    expect(budgetProblems({ kind: "daily", amount: 500, currency: "USD", startTime: days(2), endTime: days(1) }, now)).toEqual([
      { field: "endTime", message: "The end date must be after the start date." },
    ]);
    expect(budgetProblems({ kind: "lifetime", amount: 5000, currency: "USD", endTime: days(-1) }, now)).toEqual([
      { field: "endTime", message: "The end date must be in the future." },
    ]);
  });

  it("counts started days", () => {
    expect(scheduleDays(now, new Date(now.getTime() + 3_600_000))).toBe(1);
    expect(scheduleDays(now, days(7))).toBe(7);
    expect(scheduleDays(now, new Date(days(7).getTime() + 1))).toBe(8);
  });
});
