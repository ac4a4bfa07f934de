import { invalidAdsParam, invalidParam, requiredParam } from "./errors";

/**
 * Marketing API enums and cross-field rules. Subcodes marked (uncertain) follow
 * the shape of Meta's answers but were not confirmed against a primary source.
 */

export const ODAX_OBJECTIVES = [
  "OUTCOME_AWARENESS",
  "OUTCOME_TRAFFIC",
  "OUTCOME_ENGAGEMENT",
  "OUTCOME_LEADS",
  "OUTCOME_SALES",
  "OUTCOME_APP_PROMOTION",
] as const;

const LEGACY_OBJECTIVES = new Set([
  "APP_INSTALLS",
  "BRAND_AWARENESS",
  "CONVERSIONS",
  "EVENT_RESPONSES",
  "LEAD_GENERATION",
  "LINK_CLICKS",
  "LOCAL_AWARENESS",
  "MESSAGES",
  "OFFER_CLAIMS",
  "PAGE_LIKES",
  "POST_ENGAGEMENT",
  "PRODUCT_CATALOG_SALES",
  "REACH",
  "STORE_VISITS",
  "VIDEO_VIEWS",
]);

export const SPECIAL_AD_CATEGORIES = new Set([
  "NONE",
  "CREDIT",
  "EMPLOYMENT",
  "HOUSING",
  "ISSUES_ELECTIONS_POLITICS",
  "FINANCIAL_PRODUCTS_SERVICES",
  "ONLINE_GAMBLING_AND_GAMING",
]);

export const BID_STRATEGIES = new Set(["LOWEST_COST_WITHOUT_CAP", "LOWEST_COST_WITH_BID_CAP", "COST_CAP", "LOWEST_COST_WITH_MIN_ROAS"]);
export const BILLING_EVENTS = new Set(["IMPRESSIONS", "LINK_CLICKS", "THRUPLAY", "APP_INSTALLS", "PAGE_LIKES", "POST_ENGAGEMENT", "LISTING_INTERACTION"]);
export const DESTINATION_TYPES = new Set(["WEBSITE", "APP", "MESSENGER", "WHATSAPP", "INSTAGRAM_DIRECT", "ON_AD", "ON_POST", "ON_VIDEO", "ON_PAGE", "ON_EVENT", "FACEBOOK", "SHOP_AUTOMATIC", "UNDEFINED"]);
export const CUSTOM_EVENT_TYPES = new Set([
  "PURCHASE",
  "LEAD",
  "COMPLETE_REGISTRATION",
  "ADD_TO_CART",
  "INITIATED_CHECKOUT",
  "ADD_PAYMENT_INFO",
  "ADD_TO_WISHLIST",
  "CONTENT_VIEW",
  "SEARCH",
  "SUBSCRIBE",
  "START_TRIAL",
  "CONTACT",
  "SUBMIT_APPLICATION",
  "SCHEDULE",
  "OTHER",
]);
export const CALL_TO_ACTION_TYPES = new Set([
  "SHOP_NOW",
  "LEARN_MORE",
  "SIGN_UP",
  "BOOK_TRAVEL",
  "BOOK_NOW",
  "DOWNLOAD",
  "INSTALL_MOBILE_APP",
  "USE_APP",
  "CONTACT_US",
  "APPLY_NOW",
  "GET_OFFER",
  "GET_QUOTE",
  "SUBSCRIBE",
  "WATCH_MORE",
  "ORDER_NOW",
  "BUY_NOW",
  "SEE_MENU",
  "GET_DIRECTIONS",
  "INTERESTED",
  "NO_BUTTON",
]);

/** Which optimization goals Meta accepts under each ODAX objective (the subset AdPilot may use). */
export const GOALS_BY_OBJECTIVE: Record<string, readonly string[]> = {
  OUTCOME_AWARENESS: ["REACH", "IMPRESSIONS", "AD_RECALL_LIFT", "THRUPLAY"],
  OUTCOME_TRAFFIC: ["LINK_CLICKS", "LANDING_PAGE_VIEWS", "REACH", "IMPRESSIONS", "CONVERSATIONS"],
  OUTCOME_ENGAGEMENT: ["POST_ENGAGEMENT", "EVENT_RESPONSES", "THRUPLAY", "PAGE_LIKES", "CONVERSATIONS", "LINK_CLICKS", "IMPRESSIONS", "REACH"],
  OUTCOME_LEADS: ["LEAD_GENERATION", "QUALITY_LEAD", "OFFSITE_CONVERSIONS", "CONVERSATIONS", "LINK_CLICKS"],
  OUTCOME_SALES: ["OFFSITE_CONVERSIONS", "VALUE", "LINK_CLICKS", "CONVERSATIONS", "IMPRESSIONS", "REACH"],
  OUTCOME_APP_PROMOTION: ["APP_INSTALLS", "APP_INSTALLS_AND_OFFSITE_CONVERSIONS", "OFFSITE_CONVERSIONS", "VALUE", "LINK_CLICKS"],
};

export function checkObjective(objective: string | undefined): string {
  if (!objective) throw requiredParam("objective");
  if ((ODAX_OBJECTIVES as readonly string[]).includes(objective)) return objective;
  if (LEGACY_OBJECTIVES.has(objective)) {
    // (uncertain subcode) Meta rejects legacy objectives since v17 with this title/message pair.
    throw invalidAdsParam(
      2490487,
      "Objective Is Invalid",
      `The objective ${objective} is no longer supported. Use one of the outcome-driven objectives: ${ODAX_OBJECTIVES.join(", ")}.`,
      "objective",
    );
  }
  throw invalidParam(`Param objective must be one of {${ODAX_OBJECTIVES.join(", ")}}`);
}

export function checkStatus(status: string | undefined, { allowArchive }: { allowArchive: boolean }): "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED" | undefined {
  if (status === undefined) return undefined;
  const allowed = allowArchive ? ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED"] : ["ACTIVE", "PAUSED"];
  if (!allowed.includes(status)) throw invalidParam(`Param status must be one of {${allowed.join(", ")}}`);
  return status as "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED";
}

export function checkSpecialAdCategories(value: unknown): string[] {
  if (value === undefined || value === null || value === "") throw requiredParam("special_ad_categories");
  if (!Array.isArray(value)) throw invalidParam("Param special_ad_categories must be an array");
  const categories = value.map(String);
  for (const category of categories) {
    if (!SPECIAL_AD_CATEGORIES.has(category)) throw invalidParam(`Param special_ad_categories[] must be one of {${[...SPECIAL_AD_CATEGORIES].join(", ")}}`);
  }
  return categories.filter((category) => category !== "NONE");
}

export function checkEnum(name: string, value: string | undefined, allowed: Set<string>): string | undefined {
  if (value === undefined) return undefined;
  if (!allowed.has(value)) throw invalidParam(`Param ${name} must be one of {${[...allowed].join(", ")}}`);
  return value;
}

export function checkGoalFitsObjective(objective: string, goal: string): void {
  const goals = GOALS_BY_OBJECTIVE[objective] ?? [];
  if (!goals.includes(goal)) {
    throw invalidAdsParam(
      2490408,
      "Performance Goal Is Unavailable",
      `The performance goal ${goal} isn't available for the campaign objective ${objective}. Choose another goal or edit your campaign.`,
      "optimization_goal",
    );
  }
}

/** What each optimization goal needs in promoted_object. */
export const PROMOTED_OBJECT_REQUIREMENTS: Record<string, readonly string[]> = {
  OFFSITE_CONVERSIONS: ["pixel_id", "custom_event_type"],
  VALUE: ["pixel_id", "custom_event_type"],
  APP_INSTALLS: ["application_id", "object_store_url"],
  APP_INSTALLS_AND_OFFSITE_CONVERSIONS: ["application_id", "object_store_url"],
  LEAD_GENERATION: ["page_id"],
  QUALITY_LEAD: ["page_id"],
  EVENT_RESPONSES: ["event_id"],
  PAGE_LIKES: ["page_id"],
};

export function checkPromotedObject(goal: string, promoted: Record<string, unknown> | undefined): void {
  const required = PROMOTED_OBJECT_REQUIREMENTS[goal];
  if (!required) return;
  const missing = required.filter((key) => promoted?.[key] === undefined || promoted[key] === "");
  if (missing.length === 0) return;
  // (uncertain subcode) Meta's "promoted object required" family.
  throw invalidAdsParam(
    1885014,
    "Promoted Object Is Required",
    `Ad sets optimized for ${goal} need a promoted_object with ${required.join(" and ")} (missing ${missing.join(", ")}).`,
    "promoted_object",
  );
}
