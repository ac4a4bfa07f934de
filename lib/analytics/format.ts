import { formatMoney, minorUnitDigits } from "@/lib/money";

/**
 * How figures read on screen. Null (a ratio without a denominator) is "—",
 * never 0: no clicks means no cost per click, not a free one.
 */
export const NONE = "—";

/** Exact hundredths of the major unit (what the queries return) as money. */
export function formatCents(cents: number, currency: string): string {
  return formatMoney(minorUnitDigits(currency) === 0 ? Math.round(cents / 100) : cents, currency);
}

/** A derived amount in major units (CPA, CPC), rounded only for display. */
export function formatMajor(value: number | null, currency: string): string {
  if (value === null) return NONE;
  const digits = minorUnitDigits(currency);
  return formatMoney(Math.round(value * 10 ** digits), currency);
}

// Built once: constructing an Intl formatter costs far more than formatting, and a page formats hundreds of figures.
const countFormat = new Intl.NumberFormat("en-US");
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const yearFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 0.01234 → "1.23%". */
export function formatPercent(value: number | null): string {
  return value === null ? NONE : `${(value * 100).toFixed(2)}%`;
}

/** Return on ad spend as a multiple: 3.2 → "3.20×". */
export function formatRoas(value: number | null): string {
  return value === null ? NONE : `${value.toFixed(2)}×`;
}

/** +0.253 → "+25.3%"; null → "—". */
export function formatChange(value: number | null): string {
  if (value === null) return NONE;
  const percent = value * 100;
  const rounded = Math.abs(percent) < 0.05 ? 0 : percent;
  return `${rounded > 0 ? "+" : ""}${rounded.toFixed(1)}%`;
}

/** "2025-03-07" → "Mar 7" (the chart axis); UTC so the server's zone never shifts a day. */
export function formatDay(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

export function formatRange(range: { since: string; until: string }): string {
  const year = (day: string) => yearFormat.format(new Date(`${day}T00:00:00Z`));
  return range.since === range.until ? year(range.since) : `${year(range.since)} – ${year(range.until)}`;
}
