import { describe, expect, it } from "vitest";
import { evidenceOf } from "./evidence";
import { entity, steadyHistory, TODAY } from "./test-fixtures";

describe("evidenceOf", () => {
  it("corrects the last three days for late reporting, so the rate is not biased low", () => {
    const settled = evidenceOf(entity("a", 0, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 100 })), TODAY);
    const settling = evidenceOf(
      entity("b", 0, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 100, settling: true })),
      TODAY,
    );
    const rate = (e: typeof settled) => e.conversions / e.spend;
    // 100 conversions per 10,000 spent, recovered exactly from the partly reported days…
    expect(rate(settling)).toBeCloseTo(0.01, 10);
    // …where reading them at face value would have been the bias; complete days look a little better.
    expect(rate(settled)).toBeGreaterThan(0.01);
  });

  it("weights settling days less than settled days of similar age", () => {
    const { days } = evidenceOf(entity("a", 0, steadyHistory({ days: 6, spend: 10_000, conversionsPerDay: 1 })), TODAY);
    // Oldest first: ages 6, 5, 4, 3, 2, 1.
    const weights = days.map((day) => day.weight);
    expect(weights[5]).toBeLessThan(weights[2]!);
    expect(weights[4]).toBeLessThan(weights[2]!);
  });

  it("ignores days on or after today and nonsense numbers", () => {
    const history = steadyHistory({ days: 3, spend: 1_000, conversionsPerDay: 1 });
    history.push({ date: TODAY, spend: 99_999, impressions: 0, clicks: 0, conversions: 99, conversionValue: 0 });
    history[0]!.spend = Number.NaN;
    const evidence = evidenceOf(entity("a", 0, history), TODAY);
    expect(evidence.days).toHaveLength(3);
    expect(Number.isFinite(evidence.spend)).toBe(true);
    expect(evidence.window.spend).toBe(2_000);
  });
});
