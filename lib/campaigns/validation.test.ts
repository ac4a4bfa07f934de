import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { stepFieldErrors } from "./form-fields";
import { audienceStepSchema, budgetStepSchema, copyAdvice, creativesStepSchema, launchStepSchema, purposeStepSchema } from "./validation";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof stepFieldErrors>[0] }) => (result.success ? {} : stepFieldErrors(result.error!));

describe("purpose step", () => {
  const base = { name: "Spring sale", adAccountId: "act_2000000000000001", pageId: "3000000000000001" };

  it("asks for what each purpose needs, and keeps only that", () => {
    expect(errorsOf(purposeStepSchema.safeParse({ ...base, purpose: "sales", pageId: "" }))).toEqual({
      pageId: "Choose the Facebook Page these ads run from.",
      pixelId: "Choose the Meta Pixel on your website; sales campaigns need it to see purchases.",
    });
    expect(errorsOf(purposeStepSchema.safeParse({ ...base, purpose: "app_installs", objectStoreUrl: "https://example.com" }))).toEqual({
      applicationId: "Enter your app's Meta App ID.",
      objectStoreUrl: expect.stringContaining("apps.apple.com"),
    });
    expect(errorsOf(purposeStepSchema.safeParse({ ...base, purpose: "event_promotion" }))).toEqual({ eventId: expect.stringContaining("facebook.com/events") });
    expect(errorsOf(purposeStepSchema.safeParse({ ...base, purpose: "nonsense", adAccountId: "123" }))).toEqual({
      purpose: "Choose what the campaign should achieve.",
      adAccountId: "Choose an ad account.",
    });

    // A pixel left over from choosing "sales" first is dropped for lead generation.
    const leads = purposeStepSchema.parse({ ...base, purpose: "lead_generation", pixelId: "4000000000000001", metaAccountId: "" });
    expect(leads).toEqual({ name: "Spring sale", purpose: "lead_generation", adAccountId: base.adAccountId, metaAccountId: undefined, promoted: { pageId: base.pageId } });
    const event = purposeStepSchema.parse({ ...base, purpose: "event_promotion", eventId: " https://www.facebook.com/events/123456789/?ref=x " });
    expect(event.promoted).toEqual({ pageId: base.pageId, eventId: "123456789" });
  });
});

describe("audience step", () => {
  const form = { countries: "us, de", ageMin: "25", ageMax: "54", genders: ["male", "female"], placements: ["facebook_feed", "instagram_stories"], advantageAudience: "on" };

  it("turns form strings into the saved audience", () => {
    expect(audienceStepSchema("sales").parse(form)).toEqual({
      countries: ["US", "DE"],
      ageMin: 25,
      ageMax: 54,
      genders: [],
      placements: ["facebook_feed", "instagram_stories"],
      customAudienceIds: [],
      excludedAudienceIds: [],
      advantageAudience: true,
    });
    expect(audienceStepSchema("sales").parse({ ...form, countries: ["uk"], genders: "female", advantageAudience: undefined })).toMatchObject({
      countries: ["GB"],
      genders: ["female"],
      advantageAudience: false,
    });
  });

  it("refuses ages outside 18–65 or upside down, unknown countries and placements", () => {
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, ageMin: "16", ageMax: "70" }))).toEqual({
      ageMin: "Ads can reach people from 18.",
      ageMax: "65 is the top of Meta's range and means 65 and over.",
    });
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, ageMin: "40", ageMax: "30" }))).toEqual({ ageMax: "The oldest age must be at least the youngest age." });
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, countries: "" }))).toEqual({ countries: "Choose at least one country." });
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, countries: ["XX"] }))).toEqual({ "countries.0": "Use two-letter country codes, like US or DE." });
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, countries: ["EU"] }))).toEqual({ "countries.0": expect.any(String) });
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, placements: ["facebook_right_column"] }))).toEqual({ "placements.0": "Choose placements from the list." });
  });

  it("retargeting needs a custom audience and Advantage+ audience off", () => {
    expect(errorsOf(audienceStepSchema("retargeting").safeParse(form))).toEqual({
      customAudienceIds: expect.stringContaining("at least one custom audience"),
      advantageAudience: expect.stringContaining("Switch Advantage+ audience off"),
    });
    expect(audienceStepSchema("retargeting").parse({ ...form, advantageAudience: "", customAudienceIds: "5000000000000001" }).customAudienceIds).toEqual(["5000000000000001"]);
    expect(errorsOf(audienceStepSchema("sales").safeParse({ ...form, customAudienceIds: ["5"], excludedAudienceIds: ["5"] }))).toEqual({
      excludedAudienceIds: "An audience can't be both included and excluded.",
    });
  });
});

describe("budget step", () => {
  const now = new Date("2026-03-02T12:00:00Z");

  it("converts the amount to minor units of the account's currency", () => {
    expect(budgetStepSchema("USD", now).parse({ kind: "daily", amount: "$1,250.5" })).toEqual({
      kind: "daily",
      amount: 125050,
      currency: "USD",
      level: "campaign",
      startTime: undefined,
      endTime: undefined,
    });
    expect(budgetStepSchema("JPY", now).parse({ kind: "daily", amount: "1500", level: "adset" })).toMatchObject({ amount: 1500, level: "adset" });
    expect(errorsOf(budgetStepSchema("JPY", now).safeParse({ kind: "daily", amount: "1500.50" }))).toEqual({ amount: "JPY budgets are whole amounts, with no cents." });
    expect(errorsOf(budgetStepSchema("EUR", now).safeParse({ kind: "daily", amount: "20,50" }))).toEqual({ amount: "Use a dot for cents, like 20.50." });
    expect(errorsOf(budgetStepSchema("USD", now).safeParse({ kind: "daily", amount: "twenty" }))).toEqual({ amount: expect.stringContaining("as a number") });
  });

  it("applies Meta's minimum and the lifetime rules", () => {
    expect(errorsOf(budgetStepSchema("USD", now).safeParse({ kind: "daily", amount: "0.50" }))).toEqual({ amount: "Meta's minimum daily budget for this ad account is $1.00." });
    expect(errorsOf(budgetStepSchema("JPY", now).safeParse({ kind: "daily", amount: "50" }))).toEqual({ amount: "Meta's minimum daily budget for this ad account is ¥100." });
    expect(errorsOf(budgetStepSchema("USD", now).safeParse({ kind: "lifetime", amount: "100" }))).toEqual({ endTime: expect.stringContaining("needs an end date") });
    const lifetime = budgetStepSchema("USD", now).parse({ kind: "lifetime", amount: "100", startTime: "2026-03-03T09:00+01:00", endTime: "2026-03-10T09:00:00Z" });
    expect(lifetime).toMatchObject({ amount: 10000, startTime: "2026-03-03T08:00:00.000Z", endTime: "2026-03-10T09:00:00.000Z" });
    // A time without a zone is refused rather than guessed.
    expect(errorsOf(budgetStepSchema("USD", now).safeParse({ kind: "daily", amount: "10", startTime: "2026-03-03T09:00" }))).toEqual({ startTime: "Pick a start date and time." });
  });
});

describe("creatives step", () => {
  const ad = { assetId: randomUUID(), primaryText: "Fresh sourdough every morning.", headline: "Bake day", callToAction: "SHOP_NOW", link: "https://bakery.example/shop" };

  it("accepts ads as a JSON field, with Meta's hard limits and https links", () => {
    expect(creativesStepSchema.parse({ ads: JSON.stringify([ad]) }).ads).toEqual([{ ...ad, description: "" }]);
    expect(errorsOf(creativesStepSchema.safeParse({ ads: "[]" }))).toEqual({ ads: "Add at least one ad." });
    expect(errorsOf(creativesStepSchema.safeParse({ ads: "not json" }))).toEqual({ ads: "Add at least one ad." });
    const bad = { ...ad, assetId: "x", primaryText: "a".repeat(2201), headline: "", callToAction: "APPLY_NOW", link: "http://bakery.example" };
    expect(errorsOf(creativesStepSchema.safeParse({ ads: [ad, bad] }))).toEqual({
      "ads.1.assetId": "Choose a creative from your library.",
      "ads.1.primaryText": "Primary text can be at most 2,200 characters.",
      "ads.1.headline": "Write a headline.",
      "ads.1.callToAction": "Choose the button the ad shows.",
      "ads.1.link": expect.stringContaining("https://"),
    });
    expect(errorsOf(creativesStepSchema.safeParse({ ads: [{ ...ad, headline: "h".repeat(256) }] }))).toEqual({ "ads.0.headline": "Headlines can be at most 255 characters." });
  });

  it("advises, without refusing, on text longer than Meta shows uncut", () => {
    expect(copyAdvice({ primaryText: "p".repeat(126), headline: "h".repeat(41), description: "d".repeat(31) }).map((advice) => advice.field)).toEqual([
      "primaryText",
      "headline",
      "description",
    ]);
    expect(copyAdvice({ primaryText: "p".repeat(125), headline: "h".repeat(40), description: "d".repeat(30) })).toEqual([]);
  });
});

describe("launch step", () => {
  it("starts active or paused, nothing else", () => {
    expect(launchStepSchema.parse({ launchAs: "PAUSED" })).toEqual({ launchAs: "PAUSED" });
    expect(errorsOf(launchStepSchema.safeParse({ launchAs: "DELETED" }))).toEqual({ launchAs: "Choose whether the ads start right away or paused." });
  });
});
