import type { CampaignAudience, CampaignPurpose, PromotedSetup } from "@/db/schema";

/** What Meta needs to know about a purpose: the campaign's objective and the ad set's goal. */
export type MetaSpec = {
  objective: "OUTCOME_AWARENESS" | "OUTCOME_TRAFFIC" | "OUTCOME_ENGAGEMENT" | "OUTCOME_LEADS" | "OUTCOME_SALES" | "OUTCOME_APP_PROMOTION";
  optimizationGoal: string;
  billingEvent: "IMPRESSIONS";
  destinationType?: "WEBSITE" | "APP" | "ON_AD" | "ON_EVENT" | "ON_POST";
  promotedObject?: Record<string, string>;
};

const pageObject = (promoted: PromotedSetup) => (promoted.pageId ? { page_id: promoted.pageId } : undefined);
const pixelObject = (pixelId: string | undefined, event: "PURCHASE" | "LEAD") => ({ ...(pixelId ? { pixel_id: pixelId } : {}), custom_event_type: event });

/**
 * Purpose → objective, optimization goal and promoted object, per the table in
 * meta-graph-api.md. Pure: the same input always gives the same spec. Where a
 * purpose needs something the user did not give (a sales pixel), the spec still
 * asks for it and Meta's own validation message tells the user what is missing.
 */
export function metaSpecFor(purpose: CampaignPurpose, promoted: PromotedSetup): MetaSpec {
  switch (purpose) {
    case "lead_generation":
      // A pixel means leads on the website; without one, Meta's instant form on the ad.
      return promoted.pixelId
        ? { objective: "OUTCOME_LEADS", optimizationGoal: "OFFSITE_CONVERSIONS", billingEvent: "IMPRESSIONS", destinationType: "WEBSITE", promotedObject: pixelObject(promoted.pixelId, "LEAD") }
        : { objective: "OUTCOME_LEADS", optimizationGoal: "LEAD_GENERATION", billingEvent: "IMPRESSIONS", destinationType: "ON_AD", promotedObject: pageObject(promoted) };
    case "sales":
      return { objective: "OUTCOME_SALES", optimizationGoal: "OFFSITE_CONVERSIONS", billingEvent: "IMPRESSIONS", destinationType: "WEBSITE", promotedObject: pixelObject(promoted.pixelId, "PURCHASE") };
    case "brand_awareness":
      return { objective: "OUTCOME_AWARENESS", optimizationGoal: "REACH", billingEvent: "IMPRESSIONS", promotedObject: pageObject(promoted) };
    case "app_installs":
      return {
        objective: "OUTCOME_APP_PROMOTION",
        optimizationGoal: "APP_INSTALLS",
        billingEvent: "IMPRESSIONS",
        destinationType: "APP",
        promotedObject: {
          ...(promoted.applicationId ? { application_id: promoted.applicationId } : {}),
          ...(promoted.objectStoreUrl ? { object_store_url: promoted.objectStoreUrl } : {}),
        },
      };
    case "event_promotion":
      return promoted.eventId
        ? { objective: "OUTCOME_ENGAGEMENT", optimizationGoal: "EVENT_RESPONSES", billingEvent: "IMPRESSIONS", destinationType: "ON_EVENT", promotedObject: { event_id: promoted.eventId } }
        : { objective: "OUTCOME_ENGAGEMENT", optimizationGoal: "POST_ENGAGEMENT", billingEvent: "IMPRESSIONS", destinationType: "ON_POST", promotedObject: pageObject(promoted) };
    case "store_visits":
      return {
        objective: "OUTCOME_AWARENESS",
        optimizationGoal: "REACH",
        billingEvent: "IMPRESSIONS",
        promotedObject: promoted.placePageSetId ? { place_page_set_id: promoted.placePageSetId } : pageObject(promoted),
      };
    case "retargeting":
      // The audience does the retargeting (custom audiences in targetingFor); the goal follows the pixel.
      return promoted.pixelId
        ? { objective: "OUTCOME_SALES", optimizationGoal: "OFFSITE_CONVERSIONS", billingEvent: "IMPRESSIONS", destinationType: "WEBSITE", promotedObject: pixelObject(promoted.pixelId, "PURCHASE") }
        : { objective: "OUTCOME_TRAFFIC", optimizationGoal: "LINK_CLICKS", billingEvent: "IMPRESSIONS", destinationType: "WEBSITE" };
  }
}

/** Placement names the wizard saves → Meta's publisher platform and, when specific, position. */
const PLACEMENTS: Record<string, { platform: string; positions?: [field: string, position: string] }> = {
  facebook: { platform: "facebook" },
  instagram: { platform: "instagram" },
  messenger: { platform: "messenger" },
  audience_network: { platform: "audience_network" },
  facebook_feed: { platform: "facebook", positions: ["facebook_positions", "feed"] },
  facebook_stories: { platform: "facebook", positions: ["facebook_positions", "story"] },
  facebook_reels: { platform: "facebook", positions: ["facebook_positions", "facebook_reels"] },
  facebook_marketplace: { platform: "facebook", positions: ["facebook_positions", "marketplace"] },
  facebook_video_feeds: { platform: "facebook", positions: ["facebook_positions", "video_feeds"] },
  facebook_right_column: { platform: "facebook", positions: ["facebook_positions", "right_hand_column"] },
  facebook_search: { platform: "facebook", positions: ["facebook_positions", "search"] },
  instagram_feed: { platform: "instagram", positions: ["instagram_positions", "stream"] },
  instagram_stories: { platform: "instagram", positions: ["instagram_positions", "story"] },
  instagram_reels: { platform: "instagram", positions: ["instagram_positions", "reels"] },
  instagram_explore: { platform: "instagram", positions: ["instagram_positions", "explore"] },
  messenger_inbox: { platform: "messenger", positions: ["messenger_positions", "messenger_home"] },
  messenger_stories: { platform: "messenger", positions: ["messenger_positions", "story"] },
  audience_network_native: { platform: "audience_network", positions: ["audience_network_positions", "classic"] },
};

const GENDER_CODES = { male: 1, female: 2 } as const;

/**
 * The wizard's audience as Meta's targeting spec. No placements (or "automatic")
 * leaves placement to Meta (Advantage+ placements); a platform named alone means
 * all of its positions.
 */
export function targetingFor(audience: CampaignAudience): Record<string, unknown> {
  const targeting: Record<string, unknown> = {
    geo_locations: { countries: [...audience.countries] },
    age_min: audience.ageMin,
    age_max: audience.ageMax,
  };
  const genders = [...new Set(audience.genders.map((gender) => GENDER_CODES[gender]))].sort();
  if (genders.length > 0) targeting.genders = genders;
  if (audience.customAudienceIds.length > 0) targeting.custom_audiences = audience.customAudienceIds.map((id) => ({ id }));
  if (audience.excludedAudienceIds.length > 0) targeting.excluded_custom_audiences = audience.excludedAudienceIds.map((id) => ({ id }));

  const chosen = audience.placements.map((name) => PLACEMENTS[name]).filter((placement) => placement !== undefined);
  if (chosen.length > 0) {
    targeting.publisher_platforms = [...new Set(chosen.map((placement) => placement.platform))];
    const positions = new Map<string, Set<string>>();
    // A platform chosen as a whole keeps all its positions, so its specific ones are not listed.
    const whole = new Set(chosen.filter((placement) => !placement.positions).map((placement) => placement.platform));
    for (const placement of chosen) {
      if (!placement.positions || whole.has(placement.platform)) continue;
      const [field, position] = placement.positions;
      positions.set(field, (positions.get(field) ?? new Set()).add(position));
    }
    for (const [field, values] of positions) targeting[field] = [...values];
  }

  // Interests need Meta's ids; names typed in the wizard are not something Meta can target.
  const interests = (audience.interests ?? []).filter((interest) => /^\d+$/.test(interest));
  if (interests.length > 0) targeting.flexible_spec = [{ interests: interests.map((id) => ({ id })) }];
  targeting.targeting_automation = { advantage_audience: audience.advantageAudience ? 1 : 0 };
  return targeting;
}
