import type { BudgetMove, ExpectedEffect } from "@/db/schema";
import { formatMoney } from "@/lib/money";

/**
 * The recommendation in words, from its numbers. Expected value is in minor
 * units when the metric is value (ROAS goals), a count otherwise.
 */
export function explainMove(input: { moves: BudgetMove[]; expected: ExpectedEffect; currency: string; resultName: string }): string {
  const { moves, expected, currency, resultName } = input;
  const gainers = moves.filter((move) => move.to > move.from).sort((a, b) => b.to - b.from - (a.to - a.from));
  const losers = moves.filter((move) => move.to < move.from).sort((a, b) => a.to - a.from - (b.to - b.from));
  if (gainers.length === 0) return "Keep every budget as it is: no campaign has shown clearly cheaper results yet.";
  const moved = gainers.reduce((total, move) => total + move.to - move.from, 0);
  const names = (list: BudgetMove[]) => list.map((move) => `“${move.name}”`).join(", ");
  const gain = expected.after - expected.before;
  const effect =
    gain <= 0
      ? ""
      : expected.metric === "value"
        ? ` At recent returns that is about ${formatMoney(Math.round(gain), currency)} more sales value a day.`
        : ` At recent costs that is about ${gain.toFixed(gain < 10 ? 1 : 0)} more ${resultName} a day.`;
  // The allocator's reason starts "Moved $6.00/day here: it …"; the sentence above already says the move.
  const why = gainers[0]!.reason.replace(/^[^:]*:\s*/, "");
  return `Move ${formatMoney(moved, currency)} a day from ${names(losers)} to ${names(gainers)}: ${names(gainers.slice(0, 1))} ${why.replace(/^it /, "")}${effect}`;
}
