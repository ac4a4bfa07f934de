import { z } from "zod";

/**
 * Date ranges over account-local days ("YYYY-MM-DD"), as Meta reports them.
 * Day arithmetic is done on UTC midnights so a day is always 24 hours here,
 * whatever the server's time zone or daylight saving.
 */
export const RANGE_PRESETS = {
  last_7: "Last 7 days",
  last_14: "Last 14 days",
  last_28: "Last 28 days",
  last_90: "Last 90 days",
  this_month: "This month",
  last_month: "Last month",
} as const;

export type RangePreset = keyof typeof RANGE_PRESETS;
export const DEFAULT_PRESET: RangePreset = "last_28";
/** A year and a day: a leap year's "same dates last year" still fits. */
export const MAX_RANGE_DAYS = 366;

export type DateRange = {
  /** First day, inclusive. */
  since: string;
  /** Last day, inclusive. */
  until: string;
  /** The preset it came from, or "custom". */
  preset: RangePreset | "custom";
};

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Number of days in the range, both ends counted. */
export function lengthInDays(range: Pick<DateRange, "since" | "until">): number {
  return Math.round((Date.parse(`${range.until}T00:00:00Z`) - Date.parse(`${range.since}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the range in order: the x-axis of a chart, with no gaps on days without rows. */
export function daysOf(range: Pick<DateRange, "since" | "until">): string[] {
  return Array.from({ length: lengthInDays(range) }, (_, index) => addDays(range.since, index));
}

/** Today's date in UTC; pages pass it down so one request sees one "today". */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The range a preset names, ending today (today included: its numbers are shown as settling). */
export function presetRange(preset: RangePreset, today: string): DateRange {
  const monthStart = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case "last_7":
      return { since: addDays(today, -6), until: today, preset };
    case "last_14":
      return { since: addDays(today, -13), until: today, preset };
    case "last_28":
      return { since: addDays(today, -27), until: today, preset };
    case "last_90":
      return { since: addDays(today, -89), until: today, preset };
    case "this_month":
      return { since: monthStart, until: today, preset };
    case "last_month": {
      const lastDay = addDays(monthStart, -1);
      return { since: `${lastDay.slice(0, 7)}-01`, until: lastDay, preset };
    }
  }
}

/** The period of equal length that ends the day before `range` starts: what "change" compares with. */
export function previousPeriod(range: Pick<DateRange, "since" | "until">): { since: string; until: string } {
  const days = lengthInDays(range);
  return { since: addDays(range.since, -days), until: addDays(range.since, -1) };
}

/** A real calendar day: the regex alone would let "2025-02-30" through. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-01-31.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "That date does not exist.");

export function customRangeSchema(today: string) {
  return z
    .object({ since: isoDay, until: isoDay })
    .refine((value) => value.since <= value.until, { message: "The start date must be on or before the end date.", path: ["since"] })
    .refine((value) => value.until <= today, { message: "The end date cannot be in the future.", path: ["until"] })
    .refine((value) => lengthInDays(value) <= MAX_RANGE_DAYS, { message: `Choose at most ${MAX_RANGE_DAYS} days.`, path: ["since"] });
}

export type RangeInput = { range?: string; since?: string; until?: string };

/**
 * The range a request asks for: a preset by name, or since/until (with or
 * without `range=custom`). Anything unknown falls back to the default preset;
 * an invalid custom range does too, with the reason to show.
 */
export function parseRange(input: RangeInput, today: string, fallback: RangePreset = DEFAULT_PRESET): { range: DateRange; error: string | null } {
  const preset = input.range;
  // Own keys only: `in` would take "__proto__" or "toString" for a preset.
  if (preset && Object.hasOwn(RANGE_PRESETS, preset)) return { range: presetRange(preset as RangePreset, today), error: null };
  if (input.since || input.until || preset === "custom") {
    const parsed = customRangeSchema(today).safeParse({ since: input.since ?? "", until: input.until ?? "" });
    if (parsed.success) return { range: { ...parsed.data, preset: "custom" }, error: null };
    return { range: presetRange(fallback, today), error: parsed.error.issues[0]?.message ?? "That date range is not valid." };
  }
  return { range: presetRange(fallback, today), error: null };
}
