import { minorPerUsd } from "./currency";
import { seeded } from "./prng";
import type { AdQuality, Objective } from "./types";

/**
 * Hidden traits for an ad, derived from its id so the same ad performs the
 * same on every run: CTR 0.4–3 %, conversion rate 1–8 % of clicks, order value
 * 20–120 major units (of `currency`, converted at a fixed rough rate; USD when
 * omitted). The emulator core stores this on the ad at creation (quality.ts
 * `qualityForAd` is this function) and passes the stored value back in
 * `Ad.quality`; the simulator never derives quality on its own.
 */
export function qualityFor(adId: string, currency = "USD"): AdQuality {
  const next = seeded("ad-quality", adId);
  const ctr = 0.004 + next() * 0.026;
  const conversionRate = 0.01 + next() * 0.07;
  const orderValueUsd = 20 + next() * 100;
  return {
    ctr: round(ctr, 5),
    conversionRate: round(conversionRate, 5),
    orderValueMinor: Math.round(orderValueUsd * minorPerUsd(currency)),
  };
}

/**
 * How much value an ad yields per impression for what its campaign optimizes.
 * Budget allocation (Advantage campaign budget across ad sets, and an ad set's
 * budget across its ads) is weighted by this, as Meta shifts spend to winners.
 */
export function qualityScore(quality: AdQuality, objective: Objective): number {
  switch (objective) {
    case "OUTCOME_SALES":
      return quality.ctr * quality.conversionRate * quality.orderValueMinor;
    case "OUTCOME_LEADS":
    case "OUTCOME_APP_PROMOTION":
      return quality.ctr * quality.conversionRate;
    default:
      return quality.ctr;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
