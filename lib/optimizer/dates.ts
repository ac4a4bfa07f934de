/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone shifts a day. */
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a YYYY-MM-DD date: "${date}"`);
  return ms / DAY_MS;
}

/** Whole days from `earlier` to `later` (1 when `earlier` is the day before). */
export function daysBetween(earlier: string, later: string): number {
  return Math.round(dayNumber(later) - dayNumber(earlier));
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-11-03" → "3 Nov": how a marketer reads a recent date. */
export function shortDate(date: string): string {
  const parsed = new Date(dayNumber(date) * DAY_MS);
  return `${parsed.getUTCDate()} ${MONTHS[parsed.getUTCMonth()]}`;
}
