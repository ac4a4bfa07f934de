import { addDays, fromDayNumber, isDateString, monthStart, toDayNumber, weekday } from "./calendar";
import { invalidParameter } from "./errors";

/**
 * `date_preset` and `time_range` → an inclusive [since, until] of
 * account-local days, relative to "today" (the local day of `asOf`). As on
 * Meta, `last_Nd` ends yesterday while `this_*` presets include today, and
 * `time_range` wins when both are sent.
 */
export type DateRange = { since: string; until: string };

/** Meta's default when a request names neither a preset nor a range. */
export const DEFAULT_DATE_PRESET = "last_30d";

/** How far back `maximum` may reach, as on Meta (37 months). */
const MAXIMUM_LOOKBACK_MONTHS = 37;

const LAST_N = /^last_(\d+)d$/;
const ALLOWED_LAST_N = new Set([3, 7, 14, 28, 30, 90]);

export const DATE_PRESETS = [
  "today", "yesterday", "this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year",
  "this_week_mon_today", "this_week_sun_today", "last_week_mon_sun", "last_week_sun_sat", "maximum",
  ...[...ALLOWED_LAST_N].map((n) => `last_${n}d`),
] as const;

/**
 * @param today account-local "YYYY-MM-DD"
 * @param earliest first day anything in scope existed; `maximum` starts there
 */
export function resolveDatePreset(preset: string, today: string, earliest?: string): DateRange {
  const yesterday = addDays(today, -1);
  const lastN = LAST_N.exec(preset);
  if (lastN) {
    const n = Number(lastN[1]);
    if (!ALLOWED_LAST_N.has(n)) throw invalidDatePreset(preset);
    return { since: addDays(today, -n), until: yesterday };
  }
  const quarterStart = (delta: number) => {
    const month = Number(today.slice(5, 7)) - 1;
    return monthStart(today, -(month % 3) + delta * 3);
  };
  const mondayOffset = (weekday(toDayNumber(today)) + 6) % 7;
  const sundayOffset = weekday(toDayNumber(today));
  switch (preset) {
    case "today":
      return { since: today, until: today };
    case "yesterday":
      return { since: yesterday, until: yesterday };
    case "this_month":
      return { since: monthStart(today), until: today };
    case "last_month":
      return { since: monthStart(today, -1), until: addDays(monthStart(today), -1) };
    case "this_quarter":
      return { since: quarterStart(0), until: today };
    case "last_quarter":
      return { since: quarterStart(-1), until: addDays(quarterStart(0), -1) };
    case "this_year":
      return { since: `${today.slice(0, 4)}-01-01`, until: today };
    case "last_year": {
      const year = Number(today.slice(0, 4)) - 1;
      return { since: `${year}-01-01`, until: `${year}-12-31` };
    }
    case "this_week_mon_today":
      return { since: addDays(today, -mondayOffset), until: today };
    case "this_week_sun_today":
      return { since: addDays(today, -sundayOffset), until: today };
    case "last_week_mon_sun":
      return { since: addDays(today, -mondayOffset - 7), until: addDays(today, -mondayOffset - 1) };
    case "last_week_sun_sat":
      return { since: addDays(today, -sundayOffset - 7), until: addDays(today, -sundayOffset - 1) };
    case "maximum": {
      const floor = monthStart(today, -MAXIMUM_LOOKBACK_MONTHS);
      const since = earliest && earliest > floor ? (earliest < today ? earliest : today) : floor;
      return { since, until: today };
    }
    default:
      throw invalidDatePreset(preset);
  }
}

/** Reads `time_range` (JSON string or object) or `date_preset`, validating either. */
export function resolveDateRange(
  params: { time_range?: string | { since?: string; until?: string }; date_preset?: string },
  today: string,
  earliest?: string,
): DateRange {
  if (params.time_range !== undefined && params.time_range !== "") {
    const range = parseTimeRange(params.time_range);
    if (toDayNumber(range.since) > toDayNumber(range.until)) throw invalidParameter("time_range since must not be after until");
    return range;
  }
  return resolveDatePreset(params.date_preset || DEFAULT_DATE_PRESET, today, earliest);
}

function parseTimeRange(raw: string | { since?: string; until?: string }): DateRange {
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalidParameter("time_range must be a JSON object like {\"since\":\"YYYY-MM-DD\",\"until\":\"YYYY-MM-DD\"}");
    }
  }
  const range = value as { since?: unknown; until?: unknown } | null;
  if (!range || typeof range.since !== "string" || typeof range.until !== "string" || !isDateString(range.since) || !isDateString(range.until)) {
    throw invalidParameter("time_range must have since and until as YYYY-MM-DD");
  }
  return { since: range.since, until: range.until };
}

const invalidDatePreset = (preset: string) =>
  invalidParameter(`date_preset must be one of the following values: ${DATE_PRESETS.join(", ")} (got ${preset})`);

/** Inclusive day count of a range. */
export const dayCount = (range: DateRange): number => toDayNumber(range.until) - toDayNumber(range.since) + 1;

/** Report buckets for `time_increment`: every N days from `since`, calendar months, or the whole range. */
export type Increment = { kind: "days"; days: number } | { kind: "monthly" } | { kind: "all_days" };

export function parseIncrement(raw: string | number | undefined): Increment {
  if (raw === undefined || raw === "" || raw === "all_days") return { kind: "all_days" };
  if (raw === "monthly") return { kind: "monthly" };
  const days = typeof raw === "number" ? raw : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 90) throw invalidParameter("time_increment must be all_days, monthly, or an integer from 1 to 90");
  return { kind: "days", days };
}

/** The bucket [start, stop] a day falls into, clipped to the range. */
export function bucketFor(date: string, range: DateRange, increment: Increment): DateRange {
  switch (increment.kind) {
    case "all_days":
      return range;
    case "monthly": {
      const start = monthStart(date);
      const stop = addDays(monthStart(date, 1), -1);
      return { since: start < range.since ? range.since : start, until: stop > range.until ? range.until : stop };
    }
    case "days": {
      const offset = toDayNumber(date) - toDayNumber(range.since);
      const startDay = toDayNumber(range.since) + Math.floor(offset / increment.days) * increment.days;
      const stopDay = Math.min(startDay + increment.days - 1, toDayNumber(range.until));
      return { since: fromDayNumber(startDay), until: fromDayNumber(stopDay) };
    }
  }
}
