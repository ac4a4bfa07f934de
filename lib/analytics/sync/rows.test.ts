import { describe, expect, it } from "vitest";
import { toAdDayRow, type CampaignLink } from "./rows";

const links = new Map<string, CampaignLink>([
  ["111", { campaignId: "00000000-0000-4000-8000-000000000001", purpose: "sales" }],
  ["222", { campaignId: "00000000-0000-4000-8000-000000000002", purpose: "lead_generation" }],
]);

const row = (overrides: Record<string, unknown> = {}) => ({
  account_id: "9",
  campaign_id: "111",
  adset_id: "5",
  ad_id: "7",
  date_start: "2026-01-02",
  date_stop: "2026-01-02",
  impressions: "1200",
  reach: "1000",
  clicks: "31",
  spend: "45.67",
  actions: [
    { action_type: "link_click", value: "31" },
    { action_type: "purchase", value: "3" },
    { action_type: "omni_purchase", value: "3" },
    { action_type: "offsite_conversion.fb_pixel_purchase", value: "3" },
  ],
  action_values: [
    { action_type: "purchase", value: "180.50" },
    { action_type: "omni_purchase", value: "180.50" },
    { action_type: "offsite_conversion.fb_pixel_purchase", value: "180.50" },
  ],
  ...overrides,
});

describe("Graph insights rows", () => {
  it("counts one purchase type, never the three overlapping ones, and keeps money as Meta's decimal text", () => {
    expect(toAdDayRow(row(), links)).toEqual({
      metaAdId: "7",
      metaAdSetId: "5",
      metaCampaignId: "111",
      date: "2026-01-02",
      campaignId: "00000000-0000-4000-8000-000000000001",
      impressions: 1200,
      reach: 1000,
      clicks: 31,
      spend: "45.67",
      conversions: 3,
      conversionValue: "180.50",
      actionType: "offsite_conversion.fb_pixel_purchase",
    });
  });

  it("uses the campaign purpose's action: leads count leads, not purchases", () => {
    const lead = toAdDayRow(row({ campaign_id: "222", actions: [{ action_type: "lead", value: "4" }, { action_type: "onsite_conversion.lead_grouped", value: "4" }, { action_type: "purchase", value: "9" }] }), links);
    expect(lead).toMatchObject({ conversions: 4, conversionValue: "0", actionType: "lead" });
  });

  it("falls back to the objective for campaigns made outside AdPilot, and counts nothing for awareness", () => {
    expect(toAdDayRow(row({ campaign_id: "333", objective: "OUTCOME_SALES" }), links)).toMatchObject({ campaignId: null, conversions: 3, actionType: "offsite_conversion.fb_pixel_purchase" });
    expect(toAdDayRow(row({ campaign_id: "333", objective: "OUTCOME_AWARENESS" }), links)).toMatchObject({ conversions: 0, conversionValue: "0", actionType: null });
  });

  it("rounds modelled fractional conversions and over-precise values, and treats missing metrics as zero", () => {
    const parsed = toAdDayRow(
      row({ impressions: undefined, clicks: undefined, spend: undefined, actions: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "2.6" }], action_values: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "10.005" }] }),
      links,
    );
    expect(parsed).toMatchObject({ impressions: 0, clicks: 0, spend: "0", conversions: 3, conversionValue: "10.01" });
  });

  it("refuses rows it cannot trust instead of storing a guess", () => {
    expect(() => toAdDayRow(row({ spend: "12,34" }), links)).toThrow();
    expect(() => toAdDayRow(row({ impressions: "-5" }), links)).toThrow();
    expect(() => toAdDayRow(row({ date_start: "yesterday" }), links)).toThrow();
    expect(() => toAdDayRow(row({ ad_id: undefined }), links)).toThrow();
  });
});
