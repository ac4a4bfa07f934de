import { createHash } from "node:crypto";
import type { AdQuality } from "./types";

/**
 * Hidden performance traits for an ad, derived from its id so a simulator gives
 * the same ad the same results on every run. Ranges are typical of Meta ads:
 * CTR 0.5–3 %, conversion rate 1–8 % of clicks, order value 20–150 currency units.
 */
export function qualityForAd(adId: string): AdQuality {
  const digest = createHash("sha256").update(`ad-quality:${adId}`).digest();
  const unit = (offset: number) => digest.readUInt32BE(offset) / 0xffff_ffff;
  return {
    ctr: round(0.005 + unit(0) * 0.025, 5),
    conversionRate: round(0.01 + unit(4) * 0.07, 5),
    orderValueMinor: Math.round(2000 + unit(8) * 13_000),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
