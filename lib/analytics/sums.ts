import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { centsOf, countOf } from "./decimal";
import { ratiosOf, type Ratios, type Totals } from "./metrics";

/** The metric columns both insight tables share. */
type MetricColumns = {
  impressions: AnyPgColumn;
  reach: AnyPgColumn;
  clicks: AnyPgColumn;
  spend: AnyPgColumn;
  conversions: AnyPgColumn;
  conversionValue: AnyPgColumn;
};

export type SumRow = { spend: string | null; impressions: string | null; reach: string | null; clicks: string | null; conversions: string | null; conversionValue: string | null };

/**
 * Totals with money kept exact: `spendCents`/`valueCents` are whole hundredths
 * of the currency's major unit (Postgres summed the DECIMALs); `spend` and
 * `conversionValue` are the same in major units, for ratios and display only.
 */
export type Summary = Totals & { spendCents: number; valueCents: number };

export const EMPTY_SUMMARY: Summary = { spend: 0, impressions: 0, reach: 0, clicks: 0, conversions: 0, conversionValue: 0, spendCents: 0, valueCents: 0 };

/**
 * SELECT fields summing every metric, optionally only over rows matching
 * `filter` (one scan can then total two periods). Each sum is sent as text so
 * neither driver turns a numeric into a float on the way.
 */
export function sumFields(table: MetricColumns, filter?: SQL): Record<keyof SumRow, SQL<string | null>> {
  const only = filter ? sql` filter (where ${filter})` : sql``;
  const total = (column: AnyPgColumn) => sql<string | null>`(sum(${column})${only})::text`;
  return {
    spend: total(table.spend),
    impressions: total(table.impressions),
    reach: total(table.reach),
    clicks: total(table.clicks),
    conversions: total(table.conversions),
    conversionValue: total(table.conversionValue),
  };
}

export function summaryOf(row: SumRow | undefined): Summary {
  if (!row) return { ...EMPTY_SUMMARY };
  const spendCents = centsOf(row.spend);
  const valueCents = centsOf(row.conversionValue);
  return {
    spendCents,
    valueCents,
    spend: spendCents / 100,
    conversionValue: valueCents / 100,
    impressions: countOf(row.impressions),
    reach: countOf(row.reach),
    clicks: countOf(row.clicks),
    conversions: countOf(row.conversions),
  };
}

export function addSummaries(a: Summary, b: Summary): Summary {
  const spendCents = a.spendCents + b.spendCents;
  const valueCents = a.valueCents + b.valueCents;
  return {
    spendCents,
    valueCents,
    spend: spendCents / 100,
    conversionValue: valueCents / 100,
    impressions: a.impressions + b.impressions,
    reach: a.reach + b.reach,
    clicks: a.clicks + b.clicks,
    conversions: a.conversions + b.conversions,
  };
}

export type Measured = Summary & Ratios;

export function measured(summary: Summary): Measured {
  return { ...summary, ...ratiosOf(summary) };
}
