/**
 * One sentence per allocation, in the words and numbers a marketer checks:
 * the amount moved, the cost per conversion (or return per unit spent) over the
 * last two weeks, and how that compares with the account. Amounts are shown in
 * the input's optional currency ("$12.30", "¥1,230"); without one, as minor
 * units over 100 with two decimals and no symbol.
 */
import { formatMoney } from "@/lib/money";
import { shortDate } from "./dates";
import { LEARNING_RESULTS, REPORT_WINDOW_DAYS } from "./defaults";
import type { Freeze } from "./freeze";

export type WindowTotals = { spend: number; conversions: number; value: number };

/** Why an entity ended where it did; the allocator decides, this only words it. */
export type Verdict =
  | { kind: "frozen"; freeze: Freeze }
  | { kind: "no-account-results" }
  | { kind: "thin-evidence"; conversions: number; needed: number }
  | { kind: "nothing-to-compare" }
  | { kind: "unclear" }
  | { kind: "better" }
  | { kind: "worse" }
  | { kind: "below-minimum"; minimum: number }
  | { kind: "cap-bent"; total: number; currentTotal: number; capPct: number; frozenToo: boolean }
  | { kind: "minimums-exceed-total"; total: number; minimumsTotal: number };

export type ReasonContext = {
  goal: "cpa" | "roas";
  currency?: string;
  verdict: Verdict;
  change: number;
  entity: WindowTotals;
  account: WindowTotals;
};

function plainMoney(minor: number): string {
  return (minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

type Money = (minor: number) => string;

/** The formatter of one reason: the currency's own (whole yen, cents for dollars) when known. */
function moneyFor(currency: string | undefined): Money {
  return currency ? (minor) => formatMoney(Math.round(minor), currency) : plainMoney;
}

function percent(fraction: number): string {
  return `${Math.round(Math.abs(fraction) * 100)}%`;
}

const WINDOW = `over the last ${REPORT_WINDOW_DAYS} days`;

/** "produced conversions at 12.30 each over the last 14 days, 31% cheaper than your average (17.80)". */
function performance(goal: "cpa" | "roas", entity: WindowTotals, account: WindowTotals, money: Money): string {
  if (entity.spend <= 0) return `had no spend ${WINDOW}`;
  if (goal === "cpa") {
    if (entity.conversions <= 0) return `spent ${money(entity.spend)} ${WINDOW} without a conversion`;
    const cpa = entity.spend / entity.conversions;
    const base = `produced conversions at ${money(cpa)} each ${WINDOW}`;
    if (account.conversions <= 0) return base;
    const average = account.spend / account.conversions;
    const difference = cpa / average - 1;
    if (Math.abs(difference) < 0.005) return `${base}, the same as your average`;
    return `${base}, ${percent(difference)} ${difference < 0 ? "cheaper" : "more expensive"} than your average (${money(average)})`;
  }
  const roas = entity.value / entity.spend;
  const base = `returned ${roas.toFixed(2)} for every 1.00 spent ${WINDOW}`;
  if (account.spend <= 0) return base;
  const average = account.value / account.spend;
  if (average <= 0) return base;
  const difference = roas / average - 1;
  if (Math.abs(difference) < 0.005) return `${base}, the same as your average`;
  return `${base}, ${percent(difference)} ${difference > 0 ? "more" : "less"} than your average (${average.toFixed(2)})`;
}

/** Why the budget was not moved by the optimiser, as a clause. */
function heldBecause(context: ReasonContext, money: Money): string | null {
  const { verdict, goal, entity, account } = context;
  switch (verdict.kind) {
    case "frozen":
      return verdict.freeze.kind === "learning"
        ? `still in Meta's learning phase (${Math.round(verdict.freeze.results)} of ~${LEARNING_RESULTS} results since it was edited on ${shortDate(verdict.freeze.editedOn)})`
        : `it was edited on ${shortDate(verdict.freeze.editedOn)}, and Meta needs ${verdict.freeze.freezeDays} days to settle after an edit`;
    case "no-account-results":
      return "the account has no recent conversions to compare against";
    case "thin-evidence":
      return `not enough evidence yet (${Math.round(verdict.conversions)} recent conversions; moving budget needs ${verdict.needed})`;
    case "nothing-to-compare":
      return "no other ad set has enough evidence to compare it with";
    case "unclear":
      return `it ${performance(goal, entity, account, money)}, which is not a clear enough difference to act on`;
    default:
      return null;
  }
}

function direction(change: number): string {
  return change > 0 ? "Raised" : "Lowered";
}

export function reasonFor(context: ReasonContext): string {
  const money = moneyFor(context.currency);
  const { verdict, change, goal, entity, account } = context;
  const amount = `${money(Math.abs(change))}/day`;
  switch (verdict.kind) {
    case "minimums-exceed-total":
      return `Set to its share of the total: ${money(verdict.total)}/day is less than the ${money(verdict.minimumsTotal)}/day the minimum budgets add up to, so the total was split in proportion to those minimums.`;
    case "cap-bent": {
      const shift = verdict.currentTotal > 0 ? verdict.total / verdict.currentTotal - 1 : 1;
      const who = verdict.frozenToo ? "every budget, including frozen ones," : "the budgets that are free to change";
      const what = change === 0 ? "Kept as is" : `${direction(change)} by ${amount}`;
      return `${what}: the new total of ${money(verdict.total)}/day is ${percent(shift)} ${shift > 0 ? "above" : "below"} the current budgets, more than ±${verdict.capPct}% changes can reach, so ${who} were scaled alike.`;
    }
    case "below-minimum":
      return `Raised by ${amount} to its minimum of ${money(verdict.minimum)}/day.`;
    case "better":
    case "worse": {
      const clause = performance(goal, entity, account, money);
      if (change === 0) {
        return verdict.kind === "better"
          ? `Kept as is: it ${clause}, but no other ad set is clearly worse to take budget from.`
          : `Kept as is: it ${clause}, but no other ad set is clearly better to move budget to.`;
      }
      if ((change > 0) === (verdict.kind === "better")) {
        return `Moved ${amount} ${change > 0 ? "here" : "away"}: it ${clause}.`;
      }
      return `${direction(change)} by ${amount} with the new total, though it ${clause}.`;
    }
    default: {
      const held = heldBecause(context, money) ?? "nothing to act on";
      if (change === 0) return `Kept as is: ${held}.`;
      return `${direction(change)} by ${amount} with the new total, otherwise unchanged: ${held}.`;
    }
  }
}
