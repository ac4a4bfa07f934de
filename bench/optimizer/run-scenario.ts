/**
 * One scenario at one total budget: every policy runs its own copy of the
 * account for the same days, with the same noise for the same choices, and is
 * scored by the true expected outcome (conversions, or value for the ROAS goal)
 * of the budgets it chose — not the realised, noisy one — so luck on a single
 * run does not decide the comparison.
 */
import { SimulatedAccount, type Scenario } from "@/lib/optimizer/simulate";
import { cappedOracleBudgets, oracleBudgets } from "./oracle";
import { allocatorBudgets, equalSplit, yesterdaysBestRule, type GuardrailCheck } from "./policies";

export type ScenarioResult = {
  oracle: number;
  cappedOracle: number;
  allocator: number;
  equal: number;
  rule: number;
  violations: number;
  frozenDays: number;
};

export function runScenario(scenario: Scenario, total: number, days: number): ScenarioResult {
  const start = equalSplit(total, scenario.adSets.length);
  const equal = new SimulatedAccount(scenario, start);
  const rule = new SimulatedAccount(scenario, start);
  const allocator = new SimulatedAccount(scenario, start);
  const capped = new SimulatedAccount(scenario, start);
  const check: GuardrailCheck = { violations: 0, frozenDays: 0 };
  const result: ScenarioResult = { oracle: 0, cappedOracle: 0, allocator: 0, equal: 0, rule: 0, violations: 0, frozenDays: 0 };
  for (let day = 0; day < days; day++) {
    // The equal-split account never edits, so its efficiencies are the oracle's.
    result.oracle += equal.expectedOutcome(oracleBudgets(equal, total));
    result.equal += equal.run(start);

    result.cappedOracle += capped.run(cappedOracleBudgets(capped, total));

    const ruled = yesterdaysBestRule(rule);
    result.rule += rule.run(ruled);

    const allocated = allocatorBudgets(allocator, total, check);
    result.allocator += allocator.run(allocated);
  }
  result.violations = check.violations;
  result.frozenDays = check.frozenDays;
  return result;
}
