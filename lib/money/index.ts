/**
 * Money is integer minor units in code and on the wire to Meta. The seed's
 * DECIMAL columns hold major units; these convert at that edge without ever
 * going through floating point.
 *
 * "Minor units" follow Meta's currency offsets: 100 for most currencies, 1 for
 * those Meta treats as having no minor unit (budgets in JPY are whole yen).
 */
const NO_MINOR_UNIT = new Set(["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"]);

export function minorUnitDigits(currency: string): 0 | 2 {
  return NO_MINOR_UNIT.has(currency.toUpperCase()) ? 0 : 2;
}

/** 1234 USD → "12.34"; 1500 JPY → "1500.00" (the column's scale is always 2). */
export function toDecimalString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Money must be a whole number of minor units, got ${minor}`);
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const magnitude = BigInt(Math.abs(minor)) * (digits === 0 ? 100n : 1n);
  const whole = magnitude / 100n;
  const cents = (magnitude % 100n).toString().padStart(2, "0");
  return `${sign}${whole}.${cents}`;
}

/** "12.34" USD → 1234; "1500.00" JPY → 1500. Refuses amounts finer than the currency allows. */
export function fromDecimalString(value: string, currency: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a money amount: "${value}"`);
  const [, sign, whole, fraction = ""] = match;
  const cents = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  const digits = minorUnitDigits(currency);
  if (digits === 0 && cents % 100n !== 0n) throw new RangeError(`${currency} has no minor unit: "${value}"`);
  const minor = digits === 0 ? cents / 100n : cents;
  return Number(sign === "-" ? -minor : minor);
}

// One formatter per locale and currency: building an Intl.NumberFormat costs far more than using one.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** For people: "$12.34", "¥1,500". */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(digits === 0 ? minor : minor / 100);
}
