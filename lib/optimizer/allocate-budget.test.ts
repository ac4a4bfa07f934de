import { describe, expect, it } from "vitest";
import { allocateBudget } from "./index";
import { addDays } from "./dates";
import { entity, steadyHistory, TODAY } from "./test-fixtures";
import type { AllocationInput } from "./types";

function byId(input: AllocationInput) {
  return new Map(allocateBudget(input).allocations.map((allocation) => [allocation.id, allocation]));
}

describe("allocateBudget moves budget toward cheaper conversions", () => {
  // A: 10.00 per conversion, B: 40.00, both at 100.00/day for four weeks; the account averages 16.00.
  const cheap = entity("a", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10 }));
  const dear = entity("b", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 2.5 }));

  it("words amounts in the account's currency when it is given: cents for dollars, whole yen", () => {
    const dollars = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [cheap, dear], currency: "USD" });
    expect(dollars.get("a")!.reason).toBe("Moved $20.00/day here: it produced conversions at $10.00 each over the last 14 days, 38% cheaper than your average ($16.00).");
    const yen = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [cheap, dear], currency: "JPY" });
    expect(yen.get("a")!.reason).toBe("Moved ¥2,000/day here: it produced conversions at ¥1,000 each over the last 14 days, 38% cheaper than your average (¥1,600).");
  });

  it("shifts up to the 20% cap from the dearer to the cheaper ad set and says why", () => {
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [cheap, dear] });
    expect(result.get("a")).toMatchObject({ dailyBudget: 12_000, change: 2_000, frozen: false });
    expect(result.get("b")).toMatchObject({ dailyBudget: 8_000, change: -2_000, frozen: false });
    expect(result.get("a")!.reason).toBe(
      "Moved 20.00/day here: it produced conversions at 10.00 each over the last 14 days, 38% cheaper than your average (16.00).",
    );
    expect(result.get("b")!.reason).toBe(
      "Moved 20.00/day away: it produced conversions at 40.00 each over the last 14 days, 150% more expensive than your average (16.00).",
    );
  });

  it("honours a tighter change cap from the guardrails", () => {
    const result = byId({
      goal: "cpa",
      totalDailyBudget: 20_000,
      today: TODAY,
      entities: [cheap, dear],
      guardrails: { maxChangePct: 5 },
    });
    expect(result.get("a")!.change).toBe(500);
    expect(result.get("b")!.change).toBe(-500);
  });

  it("keeps budgets when the costs are the same", () => {
    const twin = entity("c", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10 }));
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [cheap, twin] });
    expect(result.get("a")!.change).toBe(0);
    expect(result.get("c")!.change).toBe(0);
    expect(result.get("c")!.reason).toMatch(/^Kept as is: it produced conversions at 10\.00 each .*not a clear enough difference/);
  });
});

describe("allocateBudget leaves entities Meta is still calibrating alone", () => {
  const steady = (id: string, perDay: number) =>
    entity(id, 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: perDay }));

  it("freezes an entity in the learning phase and counts its results since the edit", () => {
    const editedOn = addDays(TODAY, -5);
    // 3.6 a day over the 5 days since the edit: 18 results, short of ~50.
    const learning = entity("learning", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 3.6 }), {
      lastSignificantEditAt: editedOn,
    });
    const result = byId({
      goal: "cpa",
      totalDailyBudget: 30_000,
      today: TODAY,
      entities: [learning, steady("good", 20), steady("bad", 2)],
    });
    expect(result.get("learning")).toMatchObject({ dailyBudget: 10_000, change: 0, frozen: true });
    expect(result.get("learning")!.reason).toBe(
      "Kept as is: still in Meta's learning phase (18 of ~50 results since it was edited on 10 Mar).",
    );
    // The others still trade with each other.
    expect(result.get("good")!.change).toBeGreaterThan(0);
  });

  it("freezes an entity edited in the last three days even with plenty of results", () => {
    const edited = entity("edited", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 40 }), {
      lastSignificantEditAt: addDays(TODAY, -2),
    });
    const result = byId({ goal: "cpa", totalDailyBudget: 30_000, today: TODAY, entities: [edited, steady("b", 5), steady("c", 2)] });
    expect(result.get("edited")).toMatchObject({ change: 0, frozen: true });
    expect(result.get("edited")!.reason).toBe("Kept as is: it was edited on 13 Mar, and Meta needs 3 days to settle after an edit.");
  });

  it("releases an entity that reached ~50 results after its edit", () => {
    const graduated = entity("graduated", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 12 }), {
      lastSignificantEditAt: addDays(TODAY, -5),
    });
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [graduated, steady("b", 3)] });
    expect(result.get("graduated")).toMatchObject({ frozen: false, change: 2_000 });
  });
});

describe("allocateBudget does not act on noise", () => {
  it("gives no budget to an entity with one lucky conversion: it is shrunk toward the account average", () => {
    const lucky = entity("lucky", 1_000, steadyHistory({ days: 2, spend: 1_000, conversionsPerDay: 0.5 }));
    const solid = entity("solid", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 5 }));
    const other = entity("other", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 4 }));
    const result = byId({ goal: "cpa", totalDailyBudget: 21_000, today: TODAY, entities: [lucky, solid, other] });
    // 1 conversion for 20.00 is a 20.00 CPA against the account's ~22.00, but it proves nothing.
    expect(result.get("lucky")!.change).toBe(0);
    expect(result.get("lucky")!.reason).toBe("Kept as is: not enough evidence yet (1 recent conversions; moving budget needs 3).");
  });

  it("does not read Meta's late reporting of the last three days as a drop in performance", () => {
    const settling = entity("settling", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10, settling: true }));
    const complete = entity("complete", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10 }));
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [settling, complete] });
    expect(result.get("settling")!.change).toBe(0);
  });

  it("still cuts an entity whose settled recent days really dropped (fatigue shows)", () => {
    // Control for the test above: a third of the conversions on days 4–14 ago is not late reporting.
    const history = steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10, settling: true });
    for (let age = 4; age <= 14; age++) history[28 - age]!.conversions = 3;
    const fatigued = entity("fatigued", 10_000, history);
    const complete = entity("complete", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 10, settling: true }));
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [fatigued, complete] });
    expect(result.get("fatigued")!.change).toBeLessThan(0);
  });
});

describe("allocateBudget with the ROAS goal", () => {
  // Same cost per conversion; A's orders are worth three times B's.
  const a = entity("a", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 5, valuePerConversion: 6_000 }));
  const b = entity("b", 10_000, steadyHistory({ days: 28, spend: 10_000, conversionsPerDay: 5, valuePerConversion: 2_000 }));

  it("moves budget to the higher return per unit spent", () => {
    const result = byId({ goal: "roas", totalDailyBudget: 20_000, today: TODAY, entities: [a, b] });
    expect(result.get("a")!.change).toBe(2_000);
    expect(result.get("a")!.reason).toBe(
      "Moved 20.00/day here: it returned 3.00 for every 1.00 spent over the last 14 days, 50% more than your average (2.00).",
    );
  });

  it("does not move it when the goal is cost per conversion", () => {
    const result = byId({ goal: "cpa", totalDailyBudget: 20_000, today: TODAY, entities: [a, b] });
    expect(result.get("a")!.change).toBe(0);
  });
});

describe("allocateBudget edge cases", () => {
  it("returns nothing for no entities", () => {
    expect(allocateBudget({ goal: "cpa", totalDailyBudget: 5_000, today: TODAY, entities: [] })).toEqual({ allocations: [] });
  });

  it("gives a single entity the whole total and explains there is nothing to compare", () => {
    const only = entity("only", 5_000, steadyHistory({ days: 28, spend: 5_000, conversionsPerDay: 3 }));
    const [allocation] = allocateBudget({ goal: "cpa", totalDailyBudget: 5_000, today: TODAY, entities: [only] }).allocations;
    expect(allocation).toMatchObject({ dailyBudget: 5_000, change: 0 });
    expect(allocation!.reason).toBe("Kept as is: no other ad set has enough evidence to compare it with.");
  });

  it("keeps everything when no history has any conversions", () => {
    const zero = (id: string) => entity(id, 2_500, steadyHistory({ days: 10, spend: 0, conversionsPerDay: 0 }));
    const result = allocateBudget({ goal: "roas", totalDailyBudget: 5_000, today: TODAY, entities: [zero("a"), zero("b")] });
    for (const allocation of result.allocations) {
      expect(allocation).toMatchObject({ dailyBudget: 2_500, change: 0 });
      expect(allocation.reason).toBe("Kept as is: the account has no recent conversions to compare against.");
    }
  });

  it("scales everyone alike when the total moves beyond the change cap, and says so", () => {
    const a = entity("a", 3_000, []);
    const b = entity("b", 1_000, []);
    const result = byId({ goal: "cpa", totalDailyBudget: 8_000, today: TODAY, entities: [a, b] });
    expect(result.get("a")!.dailyBudget).toBe(6_000);
    expect(result.get("b")!.dailyBudget).toBe(2_000);
    expect(result.get("a")!.reason).toBe(
      "Raised by 30.00/day: the new total of 80.00/day is 100% above the current budgets, more than ±20% changes can reach, so the budgets that are free to change were scaled alike.",
    );
  });

  it("splits a total below the minimums in proportion to them", () => {
    const a = entity("a", 3_000, [], { minDailyBudget: 3_000 });
    const b = entity("b", 1_000, [], { minDailyBudget: 1_000 });
    const result = byId({ goal: "cpa", totalDailyBudget: 2_001, today: TODAY, entities: [a, b] });
    expect(result.get("a")!.dailyBudget + result.get("b")!.dailyBudget).toBe(2_001);
    expect(result.get("a")!.dailyBudget).toBe(1_501);
    expect(result.get("a")!.reason).toMatch(/20\.01\/day is less than the 40\.00\/day the minimum budgets add up to/);
  });

  it("refuses budgets that are not whole minor units", () => {
    expect(() => allocateBudget({ goal: "cpa", totalDailyBudget: 10.5, today: TODAY, entities: [] })).toThrow(RangeError);
    expect(() =>
      allocateBudget({ goal: "cpa", totalDailyBudget: 100, today: TODAY, entities: [entity("a", -1, [])] }),
    ).toThrow(/currentDailyBudget of a/);
  });

  it("is the same for the same seed", () => {
    const entities = ["a", "b", "c"].map((id, i) =>
      entity(id, 4_000, steadyHistory({ days: 20, spend: 4_000, conversionsPerDay: 1 + i * 0.7 })),
    );
    const input: AllocationInput = { goal: "cpa", totalDailyBudget: 12_000, today: TODAY, entities, seed: 7 };
    expect(allocateBudget(input)).toEqual(allocateBudget(structuredClone(input)));
  });
});
