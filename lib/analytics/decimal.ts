/**
 * Sums of DECIMAL(…,2) columns arrive from Postgres as text ("1234.56"); these
 * turn them into whole hundredths without going through a float, so a total of
 * thousands of rows is exact to the cent.
 */
export function centsOf(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${value}"`);
  const [, sign, whole, fraction = ""] = match;
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Amount too large: "${value}"`);
  return Number(sign === "-" ? -cents : cents);
}

/** A whole-number sum (bigint columns) sent as text; null (no rows) is 0. */
export function countOf(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const count = Number(value);
  if (!Number.isSafeInteger(count)) throw new RangeError(`Not a count: "${value}"`);
  return count;
}

/** 12345 → "123.45": the plain decimal written to CSV (no currency symbol, no grouping). */
export function decimalOfCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  return `${sign}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, "0")}`;
}
