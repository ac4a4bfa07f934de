import { describe, expect, it } from "vitest";
import { expectedConversions, LEARNING_EFFICIENCY, makeScenario, SimulatedAccount } from "./simulate";

describe("the simulated account", () => {
  it("is the same world for the same seed and a different one for another", () => {
    expect(makeScenario(5)).toEqual(makeScenario(5));
    expect(makeScenario(5)).not.toEqual(makeScenario(6));
  });

  it("under-reports the most recent days like Meta's attribution", () => {
    const scenario = makeScenario(3);
    const budgets = scenario.adSets.map(() => 50_000);
    const account = new SimulatedAccount(scenario, budgets);
    for (let day = 0; day < 10; day++) account.run(budgets);
    const reported = account.observe()[0]!.history;
    // The same days, seen 3+ days later: a later look never reports fewer conversions.
    for (let day = 0; day < 4; day++) account.run(budgets);
    const later = account.observe()[0]!.history;
    const recent = reported.slice(-3).reduce((sum, day) => sum + day.conversions, 0);
    const settled = later.slice(reported.length - 3, reported.length).reduce((sum, day) => sum + day.conversions, 0);
    expect(recent).toBeLessThan(settled);
  });

  it("reports clicks that reveal each ad set's cost per click, and never fewer clicks than conversions", () => {
    const scenario = { ...makeScenario(7), adSets: makeScenario(7).adSets.map((adSet) => ({ ...adSet, fatiguePerDay: 0 })) };
    const budgets = scenario.adSets.map(() => 5_000);
    const account = new SimulatedAccount(scenario, budgets);
    for (let day = 0; day < 30; day++) account.run(budgets);
    account.observe().forEach((entity, i) => {
      const adSet = scenario.adSets[i]!;
      const clicks = entity.history.reduce((sum, day) => sum + day.clicks, 0);
      const expected = expectedConversions(adSet, 5_000, 1) * adSet.clicksPerConversion * entity.history.length;
      expect(clicks / expected).toBeGreaterThan(0.9);
      expect(clicks / expected).toBeLessThan(1.1);
      for (const day of entity.history) expect(day.clicks).toBeGreaterThanOrEqual(day.conversions);
    });
  });

  it("puts an ad set into a learning phase after a change beyond 20%, and not after a small one", () => {
    const scenario = { ...makeScenario(4), adSets: makeScenario(4).adSets.map(({ editedOnDay: _, ...adSet }) => adSet) };
    const start = scenario.adSets.map(() => 10_000);
    const account = new SimulatedAccount(scenario, start);
    const before = account.efficiency(0, account.today);
    account.run(start.map((budget, i) => (i === 0 ? budget * 1.5 : budget * 1.2)));
    expect(account.efficiency(0, account.today) / before).toBeCloseTo(LEARNING_EFFICIENCY, 1);
    expect(account.observe()[0]!.lastSignificantEditAt).toBe(account.dateOf(account.today - 1));
    expect(account.observe()[1]!.lastSignificantEditAt).toBeUndefined();
  });
});
