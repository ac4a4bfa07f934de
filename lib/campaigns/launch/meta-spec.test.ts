import { describe, expect, it } from "vitest";
import type { CampaignAudience } from "@/db/schema";
import { GOALS_BY_OBJECTIVE } from "@/emulators/meta-graph/validation";
import { metaSpecFor, targetingFor } from "./meta-spec";

const full = { pageId: "301", pixelId: "401", applicationId: "601", objectStoreUrl: "https://play.google.com/store/apps/details?id=x", eventId: "701", placePageSetId: "801" };

describe("metaSpecFor", () => {
  it.each([
    ["lead_generation", full, "OUTCOME_LEADS", "OFFSITE_CONVERSIONS", { pixel_id: "401", custom_event_type: "LEAD" }, "WEBSITE"],
    ["lead_generation", { pageId: "301" }, "OUTCOME_LEADS", "LEAD_GENERATION", { page_id: "301" }, "ON_AD"],
    ["sales", full, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", { pixel_id: "401", custom_event_type: "PURCHASE" }, "WEBSITE"],
    ["brand_awareness", full, "OUTCOME_AWARENESS", "REACH", { page_id: "301" }, undefined],
    ["app_installs", full, "OUTCOME_APP_PROMOTION", "APP_INSTALLS", { application_id: "601", object_store_url: full.objectStoreUrl }, "APP"],
    ["event_promotion", full, "OUTCOME_ENGAGEMENT", "EVENT_RESPONSES", { event_id: "701" }, "ON_EVENT"],
    ["event_promotion", { pageId: "301" }, "OUTCOME_ENGAGEMENT", "POST_ENGAGEMENT", { page_id: "301" }, "ON_POST"],
    ["store_visits", full, "OUTCOME_AWARENESS", "REACH", { place_page_set_id: "801" }, undefined],
    ["store_visits", { pageId: "301" }, "OUTCOME_AWARENESS", "REACH", { page_id: "301" }, undefined],
    ["retargeting", full, "OUTCOME_SALES", "OFFSITE_CONVERSIONS", { pixel_id: "401", custom_event_type: "PURCHASE" }, "WEBSITE"],
    ["retargeting", { pageId: "301" }, "OUTCOME_TRAFFIC", "LINK_CLICKS", undefined, "WEBSITE"],
  ] as const)("%s with %j → %s / %s", (purpose, promoted, objective, goal, promotedObject, destinationType) => {
    const spec = metaSpecFor(purpose, promoted);
    expect(spec).toEqual({ objective, optimizationGoal: goal, billingEvent: "IMPRESSIONS", ...(destinationType ? { destinationType } : {}), ...(promotedObject ? { promotedObject } : {}) });
    // Every pairing is one Meta accepts.
    expect(GOALS_BY_OBJECTIVE[spec.objective]).toContain(spec.optimizationGoal);
  });

  it("asks for the sales pixel even when it is missing, so Meta's message says what to add", () => {
    expect(metaSpecFor("sales", { pageId: "301" }).promotedObject).toEqual({ custom_event_type: "PURCHASE" });
  });
});

const audience = (overrides: Partial<CampaignAudience> = {}): CampaignAudience => ({
  countries: ["US", "CA"],
  ageMin: 21,
  ageMax: 60,
  genders: [],
  placements: [],
  customAudienceIds: [],
  excludedAudienceIds: [],
  advantageAudience: true,
  ...overrides,
});

describe("targetingFor", () => {
  it("leaves genders and placements to Meta when none are chosen", () => {
    expect(targetingFor(audience())).toEqual({ geo_locations: { countries: ["US", "CA"] }, age_min: 21, age_max: 60, targeting_automation: { advantage_audience: 1 } });
  });

  it("maps genders, audiences, interests with ids, and placements to platforms and positions", () => {
    const targeting = targetingFor(
      audience({
        genders: ["female", "male"],
        customAudienceIds: ["501"],
        excludedAudienceIds: ["502"],
        placements: ["facebook_feed", "instagram_stories", "instagram_reels", "messenger_inbox", "not_a_placement"],
        interests: ["6003139266461", "baking"],
        advantageAudience: false,
      }),
    );
    expect(targeting).toEqual({
      geo_locations: { countries: ["US", "CA"] },
      age_min: 21,
      age_max: 60,
      genders: [1, 2],
      custom_audiences: [{ id: "501" }],
      excluded_custom_audiences: [{ id: "502" }],
      publisher_platforms: ["facebook", "instagram", "messenger"],
      facebook_positions: ["feed"],
      instagram_positions: ["story", "reels"],
      messenger_positions: ["messenger_home"],
      flexible_spec: [{ interests: [{ id: "6003139266461" }] }],
      targeting_automation: { advantage_audience: 0 },
    });
  });

  it("a platform chosen as a whole keeps all of its positions", () => {
    expect(targetingFor(audience({ placements: ["instagram", "instagram_feed", "facebook_feed"] }))).toMatchObject({
      publisher_platforms: ["instagram", "facebook"],
      facebook_positions: ["feed"],
    });
    expect(targetingFor(audience({ placements: ["instagram", "instagram_feed"] }))).not.toHaveProperty("instagram_positions");
  });
});
