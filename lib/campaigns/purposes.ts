import "server-only";
import type { CampaignPurpose } from "@/db/schema";
import type { CallToAction } from "@/lib/ai/types";

/** Meta's outcome-driven (ODAX) objectives; legacy objectives are refused since v17. */
export type MetaObjective = "OUTCOME_AWARENESS" | "OUTCOME_TRAFFIC" | "OUTCOME_ENGAGEMENT" | "OUTCOME_LEADS" | "OUTCOME_SALES" | "OUTCOME_APP_PROMOTION";

/** What must exist on Meta before a campaign of a purpose can launch (checked by preflight). */
export type PurposeRequirement = "page" | "pixel" | "app" | "event" | "custom_audience";

/** A low–high band; rates are fractions (0.012 = 1.2 %), CPM is US dollars per 1,000 impressions. */
export type Band = { low: number; high: number };

export type PurposeSpec = {
  label: string;
  /** One line a marketer reads when choosing. */
  description: string;
  objective: MetaObjective;
  optimizationGoal: string;
  billingEvent: "IMPRESSIONS";
  /** Where the ad sends people; null where Meta wants none (reach buying). */
  destinationType: "ON_AD" | "WEBSITE" | "APP" | "ON_EVENT" | null;
  /** promoted_object.custom_event_type, for pixel-optimised purposes. */
  customEventType: "PURCHASE" | null;
  requires: readonly PurposeRequirement[];
  /** Promoted fields the purpose can use but does not need. */
  optional: ReadonlyArray<"placePageSetId">;
  /**
   * The one `actions[].action_type` insights count as this purpose's result.
   * Meta reports a conversion under several overlapping types: pick this one, never sum.
   */
  conversionActionType: string | null;
  /** The result in words, plural ("leads"), for "cost per …" labels; null when reach is the result. */
  resultName: string | null;
  defaultCallToAction: CallToAction;
  /**
   * Rough industry figures for small-business Meta campaigns (public 2023–2024
   * benchmark reports, rounded into wide bands). Only used for estimates the UI
   * labels as such, and only until the ad account has history of its own.
   * conversionRate is results per link click; null where the result is reach.
   */
  benchmark: { cpmUsd: Band; ctr: Band; conversionRate: Band | null };
};

export const PURPOSES: Record<CampaignPurpose, PurposeSpec> = {
  lead_generation: {
    label: "Get leads",
    description: "Collect names and contact details with a form that opens inside Facebook or Instagram.",
    objective: "OUTCOME_LEADS",
    // Instant forms: the lead is captured on the ad, so no pixel is needed.
    optimizationGoal: "LEAD_GENERATION",
    billingEvent: "IMPRESSIONS",
    destinationType: "ON_AD",
    customEventType: null,
    requires: ["page"],
    optional: [],
    conversionActionType: "lead",
    resultName: "leads",
    defaultCallToAction: "SIGN_UP",
    benchmark: { cpmUsd: { low: 8, high: 20 }, ctr: { low: 0.01, high: 0.025 }, conversionRate: { low: 0.05, high: 0.12 } },
  },
  sales: {
    label: "Sell online",
    description: "Find people likely to buy on your website, measured by your Meta Pixel.",
    objective: "OUTCOME_SALES",
    optimizationGoal: "OFFSITE_CONVERSIONS",
    billingEvent: "IMPRESSIONS",
    destinationType: "WEBSITE",
    customEventType: "PURCHASE",
    requires: ["page", "pixel"],
    optional: [],
    conversionActionType: "offsite_conversion.fb_pixel_purchase",
    resultName: "purchases",
    defaultCallToAction: "SHOP_NOW",
    benchmark: { cpmUsd: { low: 8, high: 18 }, ctr: { low: 0.009, high: 0.018 }, conversionRate: { low: 0.01, high: 0.04 } },
  },
  brand_awareness: {
    label: "Get known",
    description: "Show your brand to as many people in your audience as the budget allows.",
    objective: "OUTCOME_AWARENESS",
    optimizationGoal: "REACH",
    billingEvent: "IMPRESSIONS",
    destinationType: null,
    customEventType: null,
    requires: ["page"],
    optional: [],
    conversionActionType: null,
    resultName: null,
    defaultCallToAction: "LEARN_MORE",
    benchmark: { cpmUsd: { low: 2.5, high: 8 }, ctr: { low: 0.003, high: 0.009 }, conversionRate: null },
  },
  app_installs: {
    label: "Get app installs",
    description: "Send people to the App Store or Google Play to install your app.",
    objective: "OUTCOME_APP_PROMOTION",
    optimizationGoal: "APP_INSTALLS",
    billingEvent: "IMPRESSIONS",
    destinationType: "APP",
    customEventType: null,
    requires: ["page", "app"],
    optional: [],
    conversionActionType: "mobile_app_install",
    resultName: "installs",
    defaultCallToAction: "DOWNLOAD",
    benchmark: { cpmUsd: { low: 6, high: 15 }, ctr: { low: 0.007, high: 0.015 }, conversionRate: { low: 0.05, high: 0.15 } },
  },
  event_promotion: {
    label: "Fill an event",
    description: "Get people to respond Going or Interested to your Facebook event.",
    objective: "OUTCOME_ENGAGEMENT",
    optimizationGoal: "EVENT_RESPONSES",
    billingEvent: "IMPRESSIONS",
    destinationType: "ON_EVENT",
    customEventType: null,
    requires: ["page", "event"],
    optional: [],
    // Meta's action type for Going/Interested responses attributed to the ad.
    conversionActionType: "rsvp",
    resultName: "event responses",
    defaultCallToAction: "BOOK_NOW",
    benchmark: { cpmUsd: { low: 5, high: 12 }, ctr: { low: 0.008, high: 0.02 }, conversionRate: { low: 0.05, high: 0.15 } },
  },
  store_visits: {
    label: "Bring people to your shop",
    description: "Reach people near your shop or business so they come in.",
    // Meta folded store traffic into awareness; reach around the business's locations.
    objective: "OUTCOME_AWARENESS",
    optimizationGoal: "REACH",
    billingEvent: "IMPRESSIONS",
    destinationType: null,
    customEventType: null,
    requires: ["page"],
    optional: ["placePageSetId"],
    conversionActionType: null,
    resultName: null,
    defaultCallToAction: "LEARN_MORE",
    benchmark: { cpmUsd: { low: 3, high: 9 }, ctr: { low: 0.004, high: 0.01 }, conversionRate: null },
  },
  retargeting: {
    label: "Win back visitors",
    description: "Show ads to people who already visited your site or bought from you.",
    // Traffic back to the site: needs only the custom audience, not a pixel-optimised goal.
    objective: "OUTCOME_TRAFFIC",
    optimizationGoal: "LINK_CLICKS",
    billingEvent: "IMPRESSIONS",
    destinationType: "WEBSITE",
    customEventType: null,
    requires: ["page", "custom_audience"],
    optional: [],
    conversionActionType: "link_click",
    resultName: "link clicks",
    defaultCallToAction: "SHOP_NOW",
    // The result is the click itself, so every click counts.
    benchmark: { cpmUsd: { low: 10, high: 25 }, ctr: { low: 0.012, high: 0.03 }, conversionRate: { low: 1, high: 1 } },
  },
};

export function purposeSpec(purpose: CampaignPurpose): PurposeSpec {
  return PURPOSES[purpose];
}
