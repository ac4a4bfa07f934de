/**
 * Currency facts the simulator needs: how many minor units make a major one
 * (Meta's "offset") and a rough USD rate so CPMs and order values are
 * plausible in any currency. Rates are deliberately coarse and fixed: the
 * simulator must be deterministic, not current.
 */

/** Currencies Meta bills without minor units (offset 1); everything else uses 100. */
const ZERO_DECIMAL = new Set(["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"]);

/** Approximate units of the currency per 1 USD. Unknown currencies count as USD. */
const PER_USD: Record<string, number> = {
  USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, NZD: 1.65, CHF: 0.88, SEK: 10.5, NOK: 10.7, DKK: 6.9,
  PLN: 4, CZK: 23, HUF: 360, JPY: 150, KRW: 1350, TWD: 32, INR: 83, IDR: 15700, BRL: 5.1, MXN: 17,
  CLP: 940, COP: 3900, CRC: 515, ZAR: 18.5, TRY: 32, AED: 3.67, SGD: 1.35, HKD: 7.8, ISK: 138, VND: 25000, PYG: 7300,
};

/** Minor units per major unit. */
export const minorPerMajor = (currency: string): number => (ZERO_DECIMAL.has(currency.toUpperCase()) ? 1 : 100);

/** Minor units of `currency` worth one US dollar: scales USD-denominated model constants. */
export const minorPerUsd = (currency: string): number =>
  (PER_USD[currency.toUpperCase()] ?? 1) * minorPerMajor(currency);

/** Meta reports money as a major-unit string with two decimals ("12.34"). */
export const formatMajor = (minor: number, currency: string): string => (minor / minorPerMajor(currency)).toFixed(2);

/** Ratios (ctr, cpc, frequency…) as Meta sends them: a decimal string, six places at most. */
export const formatRatio = (value: number): string => String(Number(value.toFixed(6)));
