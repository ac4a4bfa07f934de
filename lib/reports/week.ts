/**
 * Report weeks run Monday to Sunday on the calendar dates the data is stored
 * under (each ad account's local days). Dates are YYYY-MM-DD strings; the
 * arithmetic is done at UTC midnight so no local clock shifts a day.
 */
export type Week = { start: string; end: string };

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isMonday(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).getUTCDay() === 1;
}

export function weekStarting(monday: string): Week {
  return { start: monday, end: addDays(monday, 6) };
}

/**
 * The last full Monday–Sunday before `now`'s UTC date. The schedule fires on
 * Monday 08:00 UTC, when Sunday has ended in every ad-account time zone from
 * UTC−8 eastwards; further west Sunday's last hours are still settling, as
 * Meta's attribution is for three days anyway.
 */
export function previousWeek(now: Date): Week {
  const today = now.toISOString().slice(0, 10);
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return weekStarting(addDays(today, -sinceMonday - 7));
}
