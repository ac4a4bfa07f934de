// npm run bench:optimizer — the budget allocator against an oracle, an equal
// split and a "move budget to yesterday's best CPA" rule on seeded simulated
// accounts (lib/optimizer/simulate.ts): 200 scenarios × 60 days at total
// budgets of 50, 200 and 1,000 a day.
//
//   npm run bench:optimizer -- --scenarios=200 --days=60
//   npm run bench:optimizer -- --scenarios=40 --budgets=50   (a quick look while iterating)
//
// Scores are true expected conversions (value for ROAS-goal scenarios) of the
// budgets each policy chose; see run-scenario.ts.
import { allocateBudget } from "@/lib/optimizer";
import { makeScenario } from "@/lib/optimizer/simulate";
import { entity, steadyHistory, TODAY } from "@/lib/optimizer/test-fixtures";
import { runScenario, type ScenarioResult } from "./run-scenario";
import { formatTable, summarise, type BudgetRow } from "./summary";

function flag(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
  return raw === undefined ? fallback : Number(raw);
}

const SCENARIOS = flag("scenarios", 200);
const DAYS = flag("days", 60);
const FIRST_SEED = flag("seed", 1);
/** Major units per day; the allocator works in minor units (× 100). */
const BUDGETS = (process.argv.find((arg) => arg.startsWith("--budgets="))?.split("=")[1] ?? "50,200,1000")
  .split(",")
  .map(Number);

const started = performance.now();
const rows: BudgetRow[] = [];
for (const budget of BUDGETS) {
  const results: ScenarioResult[] = [];
  let calls = 0;
  for (let s = 0; s < SCENARIOS; s++) {
    const scenario = makeScenario(FIRST_SEED + s);
    results.push(runScenario(scenario, budget * 100, DAYS));
    calls += scenario.adSets.length * DAYS;
  }
  rows.push(summarise(budget, results, calls));
}
const seconds = (performance.now() - started) / 1000;

console.log(`Budget allocator vs oracle — ${SCENARIOS} scenarios × ${DAYS} days per budget, seeds ${FIRST_SEED}..${FIRST_SEED + SCENARIOS - 1}`);
console.log(formatTable(rows));
console.log(`Entity-days frozen by the allocator: ${rows.map((row) => `${row.budget}/day ${(row.frozenShare * 100).toFixed(1)}%`).join(", ")}`);
console.log(`Wall time: ${seconds.toFixed(1)} s`);

// One call's latency at a large account's size, as a ratio of the 50 ms budget (a bench figure, never a test assertion).
const large = {
  goal: "cpa" as const,
  totalDailyBudget: 500_000,
  today: TODAY,
  entities: Array.from({ length: 50 }, (_, i) => entity(`e${i}`, 10_000, steadyHistory({ days: 90, spend: 10_000, conversionsPerDay: 2 + (i % 7) }))),
};
allocateBudget(large);
const timings = Array.from({ length: 21 }, () => {
  const started = performance.now();
  allocateBudget(large);
  return performance.now() - started;
}).sort((a, b) => a - b);
console.log(`allocateBudget, 50 entities × 90 days: median ${timings[10]!.toFixed(1)} ms = ${(timings[10]! / 50).toFixed(2)} of the 50 ms budget`);
