import "server-only";
import { minorUnitDigits } from "@/lib/money";

/**
 * Approximate units of each currency per US dollar, fixed on purpose: they only
 * scale the USD benchmark CPMs into the ad account's currency for an estimate
 * the UI labels as rough, and must not make that estimate move from day to day.
 */
const PER_USD: Record<string, number> = {
  USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, NZD: 1.65, CHF: 0.88, SEK: 10.5, NOK: 10.7, DKK: 6.9,
  PLN: 4, CZK: 23, HUF: 360, JPY: 150, KRW: 1350, TWD: 32, INR: 83, IDR: 15700, BRL: 5.1, MXN: 17,
  CLP: 940, COP: 3900, CRC: 515, ZAR: 18.5, TRY: 32, AED: 3.67, SGD: 1.35, HKD: 7.8, ISK: 138, VND: 25000, PYG: 7300,
};

/** Minor units of `currency` worth about one US dollar; null for currencies not in the table. */
export function minorUnitsPerUsd(currency: string): number | null {
  const rate = PER_USD[currency.toUpperCase()];
  if (rate === undefined) return null;
  return rate * (minorUnitDigits(currency) === 2 ? 100 : 1);
}
