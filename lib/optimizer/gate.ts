/**
 * Which entities may gain budget and which may lose it, on the evidence alone.
 * A move is an improvement when the budget leaves an entity whose next unit of
 * spend buys less than it does where the budget arrives, so the gate asks for
 * that with posterior probability ≥ MIN_PROBABILITY_OF_IMPROVEMENT:
 * 1. clearly above or below the account (the budget-weighted average of all
 *    comparable entities);
 * 2. then, pairwise with those groups: clearly below the clear winners (budget
 *    can go from it to them), or clearly above the clear losers.
 * Step 2 matters for small accounts: once the worst entity is at its minimum,
 * middling ones are still clearly worse than the best, though not than the
 * average.
 */
import { MIN_PROBABILITY_OF_IMPROVEMENT } from "./defaults";

export type Gate = { grow: boolean[]; shrink: boolean[] };

/** The budget-weighted marginal of `group` in each draw: what a trade with that group is measured against. */
function referenceOf(draws: Float64Array[], group: number[], budgets: number[]): Float64Array {
  const weights = group.map((j) => Math.max(budgets[j]!, 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Float64Array.from(draws, (row) => group.reduce((sum, j, g) => sum + (weights[g]! / total) * row[j]!, 0));
}

/** P(entity i's marginal > the reference) over the draws. */
function probabilityAbove(draws: Float64Array[], i: number, reference: Float64Array): number {
  let above = 0;
  draws.forEach((row, d) => {
    if (row[i]! > reference[d]!) above++;
  });
  return above / draws.length;
}

export function gateMoves(draws: Float64Array[], budgets: number[]): Gate {
  const count = budgets.length;
  const everyone = Array.from({ length: count }, (_, i) => i);
  const account = referenceOf(draws, everyone, budgets);
  const vsAccount = everyone.map((i) => probabilityAbove(draws, i, account));
  const winners = everyone.filter((i) => vsAccount[i]! >= MIN_PROBABILITY_OF_IMPROVEMENT);
  const losers = everyone.filter((i) => 1 - vsAccount[i]! >= MIN_PROBABILITY_OF_IMPROVEMENT);
  const grow = everyone.map((i) => winners.includes(i));
  const shrink = everyone.map((i) => losers.includes(i));
  const winning = winners.length > 0 ? referenceOf(draws, winners, budgets) : null;
  const losing = losers.length > 0 ? referenceOf(draws, losers, budgets) : null;
  for (const i of everyone) {
    if (grow[i] || shrink[i]) continue;
    const belowWinners = winning !== null && 1 - probabilityAbove(draws, i, winning) >= MIN_PROBABILITY_OF_IMPROVEMENT;
    const aboveLosers = losing !== null && probabilityAbove(draws, i, losing) >= MIN_PROBABILITY_OF_IMPROVEMENT;
    // Clearly worse than the best and clearly better than the worst: no direction is clear.
    if (belowWinners && !aboveLosers) shrink[i] = true;
    if (aboveLosers && !belowWinners) grow[i] = true;
  }
  return { grow, shrink };
}
