import type { Objective } from "./types";

/**
 * Action types reported per objective. Meta reports one conversion under
 * several overlapping types (the same purchase is `purchase`, `omni_purchase`
 * and `offsite_conversion.fb_pixel_purchase`), so a consumer must pick one and
 * never sum them; the emulator reproduces that trap on purpose.
 */
const CONVERSION_TYPES: Record<Objective, readonly string[]> = {
  OUTCOME_SALES: ["purchase", "omni_purchase", "offsite_conversion.fb_pixel_purchase"],
  OUTCOME_LEADS: ["lead", "onsite_conversion.lead_grouped", "offsite_conversion.fb_pixel_lead"],
  OUTCOME_APP_PROMOTION: ["mobile_app_install"],
  OUTCOME_AWARENESS: [],
  OUTCOME_TRAFFIC: [],
  OUTCOME_ENGAGEMENT: [],
};

/** Engagement types that, like on Meta, include every link click. */
const CLICK_TYPES = ["link_click", "post_engagement", "page_engagement"] as const;

/** The type `purchase_roas` is reported under. */
export const ROAS_ACTION_TYPE = "omni_purchase";

export const hasConversions = (objective: Objective): boolean => CONVERSION_TYPES[objective].length > 0;

/** Only purchases carry a value (revenue); leads and installs do not. */
export const hasConversionValue = (objective: Objective): boolean => objective === "OUTCOME_SALES";

/** Counts per action type; zero counts are left out, as Meta leaves them out. */
export function actionCounts(objective: Objective, linkClicks: number, conversions: number): Record<string, number> {
  const counts: Record<string, number> = {};
  if (linkClicks > 0) for (const type of CLICK_TYPES) counts[type] = linkClicks;
  if (conversions > 0) for (const type of CONVERSION_TYPES[objective]) counts[type] = conversions;
  return counts;
}

/** Values (minor units) per action type, under the same overlapping types as the counts. */
export function actionValues(objective: Objective, valueMinor: number): Record<string, number> {
  const values: Record<string, number> = {};
  if (valueMinor > 0 && hasConversionValue(objective)) for (const type of CONVERSION_TYPES[objective]) values[type] = valueMinor;
  return values;
}
