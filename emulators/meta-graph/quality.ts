import { qualityFor } from "./insights/quality";
import type { AdQuality } from "./types";

/**
 * Hidden performance traits for a new ad: the one quality function, shared with
 * the insights simulator (insights/quality.ts `qualityFor`). Derived from the
 * ad id, so the same ad performs the same on every run; order values are in the
 * account currency's minor units. Called once at creation and stored on the ad
 * record; from then on the stored value is what the simulator reads, so a test
 * (or an older record) can set any quality it likes.
 */
export function qualityForAd(adId: string, currency = "USD"): AdQuality {
  return qualityFor(adId, currency);
}
