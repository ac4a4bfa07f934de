/** Account-local calendar days: Meta reports each day in the ad account's time zone. */

// One formatter per time zone, built on first use: every page asks for "today" in the user's zones.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Days a sync covers: up to today; 90 days on the first sync, the lookback after. */
export const BACKFILL_DAYS = 90;

export function syncWindow(now: Date, timeZone: string, options: { backfill: boolean; lookbackDays: number }): { since: string; until: string } {
  const until = localDate(now, timeZone);
  const days = options.backfill ? BACKFILL_DAYS : options.lookbackDays;
  return { since: addDays(until, -(days - 1)), until };
}
