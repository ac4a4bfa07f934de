/**
 * Account-local calendar arithmetic. Report days are "YYYY-MM-DD" strings in
 * the account's time zone; internally a day is its number since 1970-01-01 so
 * ranges are plain integer loops. Instants become a local (day, second) pair;
 * DST days are treated as 24 h, which only shifts a fraction of one day.
 */

const DAY_MS = 86_400_000;
export const DAY_SECONDS = 86_400;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isDateString = (value: string): boolean => {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  return fromDayNumber(toDayNumber(value)) === value;
};

/** Day number of a "YYYY-MM-DD" string (NaN when malformed). */
export function toDayNumber(date: string): number {
  const match = DATE_RE.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string => fromDayNumber(toDayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number): boolean => {
  const d = weekday(day);
  return d === 0 || d === 6;
};

/** First day of the month containing `date`, shifted by `monthDelta` months. */
export function monthStart(date: string, monthDelta = 0): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + monthDelta, 1)).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Cached: building a DateTimeFormat is far slower than using one. Unknown zones fall back to UTC. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    };
    try {
      formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * An instant on the account's local timeline, in seconds: day × 86400 +
 * second of day. A bare "YYYY-MM-DD" is that local midnight. Meta's offsets
 * without a colon ("-0800") parse fine in V8.
 */
export function localSeconds(iso: string, timeZone: string): number {
  if (DATE_RE.test(iso)) return toDayNumber(iso) * DAY_SECONDS;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid time: ${iso}`);
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const day = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1) / DAY_MS;
  return day * DAY_SECONDS + (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0);
}

/** The account-local day of an instant. */
export const localDay = (iso: string, timeZone: string): number => Math.floor(localSeconds(iso, timeZone) / DAY_SECONDS);

/**
 * `asOf` as a local-timeline second. A bare date means the end of that day, so
 * a caller saying "today is 2025-03-10" sees that day fully delivered.
 */
export function asOfSeconds(asOf: string, timeZone: string): number {
  if (DATE_RE.test(asOf)) return (toDayNumber(asOf) + 1) * DAY_SECONDS;
  return localSeconds(asOf, timeZone);
}

/** The local day containing `asOf` ("today"); a bare date is itself. */
export function asOfDay(asOf: string, timeZone: string): number {
  if (DATE_RE.test(asOf)) return toDayNumber(asOf);
  return localDay(asOf, timeZone);
}
