/** Aggregates per-scenario results into the rows the bench prints. */
import type { ScenarioResult } from "./run-scenario";

export type BudgetRow = {
  budget: number;
  scenarios: number;
  oracleShareMean: number;
  oracleShareP10: number;
  equalShareMean: number;
  cappedShareMean: number;
  ruleShareMean: number;
  vsEqualMean: number;
  vsEqualP10: number;
  vsRuleMean: number;
  violations: number;
  frozenShare: number;
};

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The value below which 10% of scenarios fall (nearest rank). */
function p10(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.1) - 1)]!;
}

export function summarise(budget: number, results: ScenarioResult[], allocatorCalls: number): BudgetRow {
  const share = results.map((r) => r.allocator / r.oracle);
  const vsEqual = results.map((r) => r.allocator / r.equal);
  return {
    budget,
    scenarios: results.length,
    oracleShareMean: mean(share),
    oracleShareP10: p10(share),
    equalShareMean: mean(results.map((r) => r.equal / r.oracle)),
    cappedShareMean: mean(results.map((r) => r.cappedOracle / r.oracle)),
    ruleShareMean: mean(results.map((r) => r.rule / r.oracle)),
    vsEqualMean: mean(vsEqual),
    vsEqualP10: p10(vsEqual),
    vsRuleMean: mean(results.map((r) => r.allocator / r.rule)),
    violations: results.reduce((sum, r) => sum + r.violations, 0),
    frozenShare: results.reduce((sum, r) => sum + r.frozenDays, 0) / allocatorCalls,
  };
}

export function formatTable(rows: BudgetRow[]): string {
  const header = [
    "budget/day",
    "scenarios",
    "oracle share mean",
    "oracle share p10",
    "vs equal mean",
    "vs equal p10",
    "vs rule mean",
    "equal/oracle",
    "rule/oracle",
    "capped oracle/oracle",
    "violations",
  ];
  const lines = rows.map((row) => [
    row.budget.toLocaleString("en-US"),
    String(row.scenarios),
    row.oracleShareMean.toFixed(3),
    row.oracleShareP10.toFixed(3),
    `${row.vsEqualMean.toFixed(3)}×`,
    `${row.vsEqualP10.toFixed(3)}×`,
    `${row.vsRuleMean.toFixed(3)}×`,
    row.equalShareMean.toFixed(3),
    row.ruleShareMean.toFixed(3),
    row.cappedShareMean.toFixed(3),
    String(row.violations),
  ]);
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => line[c]!.length)));
  const format = (cells: string[]) => cells.map((cell, c) => cell.padStart(widths[c]!)).join("  ");
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}
