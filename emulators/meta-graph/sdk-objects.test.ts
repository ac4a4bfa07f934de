import { Ad, AdAccount, AdCreative, AdSet, Campaign, FacebookAdsApi, User } from "facebook-nodejs-business-sdk";
import type Cursor from "facebook-nodejs-business-sdk/src/cursor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX } from "./index";
import { act, adSetParams, campaignParams, PNG, sdkError, startHarness, type Harness } from "./test-support";

const sam = SANDBOX.sam;

describe("Marketing API objects through the unmodified business SDK", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  const account = () => new AdAccount(act(sam.adAccountId));

  it("lists the user's ad accounts, pages, pixels and audiences", async () => {
    const accounts = (await new User("me").getAdAccounts(["account_id", "name", "currency", "account_status", "timezone_name"])) as Cursor;
    expect(accounts.map((item) => item._data)).toEqual([
      { id: act(sam.adAccountId), account_id: sam.adAccountId, name: "Sam Sandbox Ads (USD)", currency: "USD", account_status: 1, timezone_name: "America/Los_Angeles" },
      { id: act(sam.eurAdAccountId), account_id: sam.eurAdAccountId, name: "Sam Sandbox Ads (EUR)", currency: "EUR", account_status: 1, timezone_name: "Europe/Berlin" },
    ]);
    const pages = (await new User("me").getAccounts(["name"])) as Cursor;
    expect(pages.map((page) => page._data)).toEqual([{ id: sam.pageId, name: "Sam's Sandbox Shop" }]);
    const pixels = (await account().getAdsPixels(["name"])) as Cursor;
    expect(pixels.map((pixel) => pixel.id)).toEqual([sam.pixelId]);
    const audiences = (await account().getCustomAudiences(["name", "subtype"])) as Cursor;
    expect(audiences[0]?._data).toMatchObject({ id: sam.customAudienceId, subtype: "WEBSITE" });
    const read = await account().read(["currency", "timezone_name", "account_status"]);
    expect(read._data).toMatchObject({ id: act(sam.adAccountId), currency: "USD", account_status: 1 });
  });

  it("creates campaign → ad set → image → creative → ad and reads them back", async () => {
    const campaign = await account().createCampaign([], campaignParams());
    expect(campaign.id).toMatch(/^\d+$/);

    const adSet = await account().createAdSet([], adSetParams(campaign.id, { targeting: { geo_locations: { countries: ["US"] }, custom_audiences: [{ id: sam.customAudienceId }] } }));
    const image = await account().createAdImage([], { bytes: PNG.toString("base64") });
    const uploaded = (image._data as { images: { bytes: { hash: string; url: string } } }).images.bytes;
    expect(uploaded.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(uploaded.url.startsWith(harness.url)).toBe(true);
    expect(Buffer.from(await (await fetch(uploaded.url)).arrayBuffer()).equals(PNG)).toBe(true);

    const creative = await account().createAdCreative([], {
      name: "Spring creative",
      object_story_spec: {
        page_id: sam.pageId,
        link_data: { image_hash: uploaded.hash, link: "https://shop.example.test/spring", message: "20% off", name: "Spring Sale", call_to_action: { type: "SHOP_NOW", value: { link: "https://shop.example.test/spring" } } },
      },
    });
    const ad = await account().createAd([], { name: "Spring ad", adset_id: adSet.id, creative: { creative_id: creative.id }, status: "PAUSED" });

    const readCampaign = await new Campaign(campaign.id).read(["name", "objective", "status", "effective_status", "special_ad_categories", "daily_budget"]);
    expect(readCampaign._data).toEqual({ id: campaign.id, name: "Spring Sale", objective: "OUTCOME_SALES", status: "PAUSED", effective_status: "PAUSED", special_ad_categories: [] });
    const readAdSet = await new AdSet(adSet.id).read(["daily_budget", "optimization_goal", "promoted_object", "campaign_id", "targeting"]);
    // Budgets come back as strings of minor units, as on Graph.
    expect(readAdSet._data).toMatchObject({ daily_budget: "2000", optimization_goal: "OFFSITE_CONVERSIONS", campaign_id: campaign.id, promoted_object: { pixel_id: sam.pixelId } });
    const readCreative = await new AdCreative(creative.id).read(["image_hash", "call_to_action_type"]);
    expect(readCreative._data).toMatchObject({ image_hash: uploaded.hash, call_to_action_type: "SHOP_NOW" });
    const readAd = await new Ad(ad.id).read(["adset_id", "creative", "effective_status"]);
    expect(readAd._data).toMatchObject({ adset_id: adSet.id, creative: { id: creative.id }, effective_status: "PAUSED" });
    // The simulator's hidden quality is stored, not served.
    expect((await harness.emulator.store.get("ads", ad.id))?.quality.ctr).toBeGreaterThan(0);
    expect(readAd._data).not.toHaveProperty("quality");

    const adSetsOfCampaign = (await new Campaign(campaign.id).getAdSets(["name"])) as Cursor;
    expect(adSetsOfCampaign.map((item) => item.id)).toEqual([adSet.id]);
    const adsOfAdSet = (await new AdSet(adSet.id).getAds(["name"])) as Cursor;
    expect(adsOfAdSet.map((item) => item.id)).toEqual([ad.id]);
  });

  it("updates with update([], params), deletes, and hides deleted objects from listings", async () => {
    const campaign = await account().createCampaign([], campaignParams({ name: "To update", status: "ACTIVE" }));
    // update({status}) is the SDK trap: params are merged from _changes, so this sends nothing new.
    expect(await new Campaign(campaign.id).update([], { status: "PAUSED", name: "Updated" })).toEqual({ success: true });
    expect((await new Campaign(campaign.id).read(["status", "name"]))._data).toMatchObject({ status: "PAUSED", name: "Updated" });

    expect(await new Campaign(campaign.id).delete([])).toEqual({ success: true });
    const listed = (await account().getCampaigns(["name"], { limit: 100 })) as Cursor;
    expect(listed.map((item) => item.id)).not.toContain(campaign.id);
    expect((await new Campaign(campaign.id).read(["status"]))._data).toMatchObject({ status: "DELETED" });
  });

  it("pages with cursors and absolute next URLs, and filters by name", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) ids.push((await new AdAccount(act(sam.eurAdAccountId)).createCampaign([], campaignParams({ name: `Paged ${index}` }))).id);
    const cursor = (await new AdAccount(act(sam.eurAdAccountId)).getCampaigns(["name", "objective"], { limit: 2 })) as Cursor;
    const seen = cursor.map((item) => item.id);
    expect(cursor.paging.next.startsWith(`${harness.url}/v24.0/act_${sam.eurAdAccountId}/campaigns?`)).toBe(true);
    expect(cursor.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    while (cursor.hasNext()) {
      await cursor.next();
      seen.push(...cursor.map((item) => item.id));
      expect(cursor.every((item) => item._data.objective === "OUTCOME_SALES")).toBe(true);
    }
    // Newest first, every campaign exactly once.
    expect(seen).toEqual([...ids].reverse());
    expect(cursor.hasPrevious()).toBe(true);

    const filtered = (await new AdAccount(act(sam.eurAdAccountId)).getCampaigns(["name"], { filtering: [{ field: "name", operator: "CONTAIN", value: "paged 3" }] })) as Cursor;
    expect(filtered.map((item) => item._data.name)).toEqual(["Paged 3"]);
    const equal = (await new AdAccount(act(sam.eurAdAccountId)).getCampaigns(["name"], { filtering: [{ field: "name", operator: "EQUAL", value: "Paged 1" }] })) as Cursor;
    expect(equal.map((item) => item.id)).toEqual([ids[1]]);
  });

  it("surfaces validation failures as FacebookRequestError with Meta's codes", async () => {
    const legacy = await sdkError(account().createCampaign([], campaignParams({ objective: "CONVERSIONS" })));
    expect(legacy.status).toBe(400);
    expect(legacy.response).toMatchObject({ code: 100, error_subcode: 2490487, type: "OAuthException", is_transient: false });
    expect(legacy.response?.error_user_msg).toContain("OUTCOME_SALES");
    expect(legacy.response?.fbtrace_id).toBeTruthy();

    const noCategories = await sdkError(account().createCampaign([], { name: "x", objective: "OUTCOME_SALES", status: "PAUSED", is_adset_budget_sharing_enabled: false }));
    expect(noCategories.response).toMatchObject({ code: 100, message: "(#100) The parameter special_ad_categories is required" });

    const badStatus = await sdkError(account().createCampaign([], campaignParams({ status: "RUNNING" })));
    expect(badStatus.response?.code).toBe(100);

    const campaign = await account().createCampaign([], campaignParams({ objective: "OUTCOME_AWARENESS" }));
    const lowBudget = await sdkError(account().createAdSet([], adSetParams(campaign.id, { daily_budget: 99, optimization_goal: "REACH", promoted_object: undefined })));
    expect(lowBudget.response).toMatchObject({ code: 100, error_user_title: "Budget Is Too Low" });
    expect(lowBudget.response?.error_user_msg).toContain("$1.00");

    const wrongGoal = await sdkError(account().createAdSet([], adSetParams(campaign.id, { optimization_goal: "OFFSITE_CONVERSIONS" })));
    expect(wrongGoal.response).toMatchObject({ code: 100, error_subcode: 2490408 });

    const lifetimeNoEnd = await sdkError(account().createAdSet([], adSetParams(campaign.id, { daily_budget: undefined, lifetime_budget: 50_000, optimization_goal: "REACH" })));
    expect(lifetimeNoEnd.response).toMatchObject({ code: 100, error_user_title: "End Time Required" });

    const sales = await account().createCampaign([], campaignParams());
    const noPromoted = await sdkError(account().createAdSet([], adSetParams(sales.id, { promoted_object: { pixel_id: sam.pixelId } })));
    expect(noPromoted.response).toMatchObject({ code: 100, error_user_title: "Promoted Object Is Required" });
    const foreignPixel = await sdkError(account().createAdSet([], adSetParams(sales.id, { promoted_object: { pixel_id: SANDBOX.riley.pixelId, custom_event_type: "PURCHASE" } })));
    expect(foreignPixel.response?.code).toBe(100);

    const apps = await account().createCampaign([], campaignParams({ objective: "OUTCOME_APP_PROMOTION" }));
    const appSet = await account().createAdSet([], adSetParams(apps.id, { optimization_goal: "APP_INSTALLS", billing_event: "IMPRESSIONS", promoted_object: { application_id: SANDBOX.app.applicationId, object_store_url: SANDBOX.app.objectStoreUrl } }));
    expect(appSet.id).toMatch(/^\d+$/);

    const missingCreative = await sdkError(account().createAdCreative([], { name: "x", object_story_spec: { page_id: sam.pageId, link_data: { image_hash: "0".repeat(32), link: "https://x.test" } } }));
    expect(missingCreative.response?.code).toBe(100);
    const foreignPage = await sdkError(account().createAdCreative([], { name: "x", object_story_spec: { page_id: SANDBOX.riley.pageId, link_data: { link: "https://x.test" } } }));
    expect(foreignPage.response?.code).toBe(100);
  });

  it("answers 100/33 for unknown or foreign ids and 200 for missing permissions", async () => {
    const unknown = await sdkError(new Campaign("999999999").read(["name"]));
    expect(unknown.response).toMatchObject({ code: 100, error_subcode: 33 });
    expect(unknown.response?.message).toContain("Object with ID '999999999' does not exist");
    const foreign = await sdkError(new AdAccount(act(SANDBOX.riley.adAccountId)).getCampaigns(["name"]));
    expect(foreign.response).toMatchObject({ code: 100, error_subcode: 33 });
    const badField = await sdkError(account().read(["no_such_field"]));
    expect(badField.response?.message).toContain("nonexisting field (no_such_field)");

    const readOnly = harness.emulator.issueToken({ userId: sam.userId, scopes: ["ads_read"] });
    const api = new FacebookAdsApi(readOnly, "en_US", false);
    const denied = await sdkError(new AdAccount(act(sam.adAccountId), {}, undefined, api).createCampaign([], campaignParams()));
    expect(denied.response?.code).toBe(200);
    const allowed = (await new AdAccount(act(sam.adAccountId), {}, undefined, api).getCampaigns(["name"])) as Cursor;
    expect(allowed.length).toBeGreaterThan(0);
  });
});
