import { Ad, AdAccount, AdReportRun, AdSet, FacebookAdsApi } from "facebook-nodejs-business-sdk";
import type Cursor from "facebook-nodejs-business-sdk/src/cursor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qualityForAd, SANDBOX } from "./index";
import { qualityFor } from "./insights";
import { act, adSetParams, campaignParams, sdkError, startHarness, type Harness } from "./test-support";

/**
 * Insights through the unmodified business SDK: objects are created through the
 * API, the emulator clock is moved forward so they deliver, and the insights edges
 * (sync and async) report what the simulator makes of the stored objects.
 */

const sam = SANDBOX.sam;
const accountId = sam.adAccountId; // USD, America/Los_Angeles
const DAY = 86_400_000;
/** Monday 2026-03-02, 09:00 in Los Angeles. */
const T0 = Date.parse("2026-03-02T17:00:00Z");
const RANGE = { since: "2026-03-02", until: "2026-03-09" };
const DAYS = ["02", "03", "04", "05", "06", "07", "08", "09"].map((day) => `2026-03-${day}`);
const FIELDS = ["ad_id", "ad_name", "campaign_id", "impressions", "clicks", "spend", "reach", "ctr", "cpm", "actions", "action_values"];

type Row = Record<string, unknown> & { date_start: string; date_stop: string };
type ActionStat = { action_type: string; value: string };

const rows = (cursor: Cursor) => cursor.map((item) => item._data as Row);
const num = (value: unknown) => Number(value);
const action = (row: Row, type: string) => num((row.actions as ActionStat[] | undefined)?.find((stat) => stat.action_type === type)?.value ?? 0);

describe("insights through the unmodified business SDK", () => {
  let harness: Harness;
  let clock = new Date(T0);
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const account = () => new AdAccount(act(accountId));
  /** campaign A: 3 ads always on; B: its ad set paused on day 4; C: its budget quadrupled on day 4 */
  const ids = { campaignA: "", adsA: [] as string[], campaignB: "", adSetB: "", adB: "", campaignC: "", adSetC: "", adC: "" };

  async function adTree(name: string, dailyBudget: number, adCount: number) {
    const campaign = await account().createCampaign([], campaignParams({ name, status: "ACTIVE" }));
    const adSet = await account().createAdSet([], adSetParams(campaign.id, { name: `${name} set`, status: "ACTIVE", daily_budget: dailyBudget }));
    const creative = await account().createAdCreative([], {
      name: `${name} creative`,
      object_story_spec: { page_id: sam.pageId, link_data: { link: "https://shop.example.test/", message: "Hello", call_to_action: { type: "SHOP_NOW" } } },
    });
    const ads: string[] = [];
    for (let index = 0; index < adCount; index++) {
      ads.push((await account().createAd([], { name: `${name} ad ${index}`, adset_id: adSet.id, creative: { creative_id: creative.id }, status: "ACTIVE" })).id);
    }
    return { campaignId: campaign.id as string, adSetId: adSet.id as string, ads };
  }

  beforeAll(async () => {
    harness = await startHarness({ now: () => clock });
    const a = await adTree("Always on", 5000, 3);
    const b = await adTree("Paused later", 2000, 1);
    const c = await adTree("Budget raised", 2000, 1);
    Object.assign(ids, {
      campaignA: a.campaignId,
      adsA: a.ads,
      campaignB: b.campaignId,
      adSetB: b.adSetId,
      adB: b.ads[0],
      campaignC: c.campaignId,
      adSetC: c.adSetId,
      adC: c.ads[0],
    });
    // Day 4 (Thursday 2026-03-05), 09:00 local: pause B's ad set, raise C's budget to $80/day.
    advance(3 * DAY);
    await new AdSet(ids.adSetB).update([], { status: "PAUSED" });
    await new AdSet(ids.adSetC).update([], { daily_budget: 8000 });
    // Tuesday 2026-03-10, 10:00 local (after the DST switch): yesterday is 2026-03-09.
    advance(5 * DAY);
  });
  afterAll(() => harness.close());

  const adDaily = async (extra: Record<string, unknown> = {}) =>
    rows((await account().getInsights(FIELDS, { level: "ad", time_increment: 1, time_range: RANGE, limit: 500, ...extra })) as Cursor);

  it("returns daily ad rows with impressions, spend and actions for the delivered days", async () => {
    const data = await adDaily();
    const ofA = data.filter((row) => row.campaign_id === ids.campaignA);
    expect(new Set(ofA.map((row) => row.ad_id))).toEqual(new Set(ids.adsA));
    expect(ofA).toHaveLength(ids.adsA.length * DAYS.length);
    for (const row of ofA) {
      expect(row.date_stop).toBe(row.date_start);
      expect(DAYS).toContain(row.date_start);
      expect(row).toMatchObject({ account_id: accountId, adset_id: expect.any(String), ad_name: expect.stringMatching(/^Always on ad/) });
      expect(num(row.impressions)).toBeGreaterThan(0);
      expect(num(row.spend)).toBeGreaterThan(0);
      // Metrics are strings on the wire, spend in major units.
      expect(row.spend).toMatch(/^\d+\.\d{2}$/);
      expect(action(row, "link_click")).toBe(num(row.clicks));
    }
    // The ad set spends about its $50 budget on full days, less on the day it was created at 09:00.
    const spendOn = (date: string) => ofA.filter((row) => row.date_start === date).reduce((sum, row) => sum + num(row.spend), 0);
    expect(spendOn("2026-03-04")).toBeGreaterThan(40);
    expect(spendOn("2026-03-04")).toBeLessThanOrEqual(50);
    expect(spendOn("2026-03-02")).toBeLessThan(spendOn("2026-03-04") * 0.8);
    // A sales campaign converts: purchases reported under overlapping action types, with values.
    const purchases = ofA.reduce((sum, row) => sum + action(row, "omni_purchase"), 0);
    expect(purchases).toBeGreaterThan(0);
    expect(ofA.reduce((sum, row) => sum + action(row, "purchase"), 0)).toBe(purchases);
  });

  it("pages with cursors and absolute next URLs through the SDK's next()", async () => {
    const all = await adDaily();
    const cursor = (await account().getInsights(FIELDS, { level: "ad", time_increment: 1, time_range: RANGE, limit: 7 })) as Cursor;
    expect(cursor).toHaveLength(7);
    expect(cursor.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    const next = new URL(cursor.paging.next as string);
    expect(next.href.startsWith(`${harness.url}/v24.0/act_${accountId}/insights?`)).toBe(true);
    expect(next.searchParams.get("access_token")).toBe(harness.token);
    expect(next.searchParams.get("limit")).toBe("7");
    const seen = rows(cursor);
    let pages = 1;
    while (cursor.hasNext()) {
      await cursor.next();
      seen.push(...rows(cursor));
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.length / 7));
    expect(seen).toEqual(all);
    expect(cursor.hasPrevious()).toBe(true);
  });

  it("aggregates at level=campaign, and on a campaign node with filtering", async () => {
    const ads = await adDaily();
    const campaigns = rows((await account().getInsights(["campaign_id", "impressions", "clicks", "spend", "ctr"], { level: "campaign", time_increment: 1, time_range: RANGE, limit: 100 })) as Cursor);
    const ofA = campaigns.filter((row) => row.campaign_id === ids.campaignA);
    expect(ofA.map((row) => row.date_start)).toEqual(DAYS);
    for (const row of ofA) {
      expect(row).not.toHaveProperty("ad_id");
      const own = ads.filter((ad) => ad.campaign_id === ids.campaignA && ad.date_start === row.date_start);
      expect(num(row.impressions)).toBe(own.reduce((sum, ad) => sum + num(ad.impressions), 0));
      expect(num(row.clicks)).toBe(own.reduce((sum, ad) => sum + num(ad.clicks), 0));
      expect(num(row.spend)).toBeCloseTo(own.reduce((sum, ad) => sum + num(ad.spend), 0), 2);
      expect(num(row.ctr)).toBeCloseTo((num(row.clicks) / num(row.impressions)) * 100, 4);
    }
    // The whole range in one row (no time_increment), via the campaign node and via account filtering.
    const total = (await new AdAccount(act(accountId)).getInsights(["spend"], { level: "campaign", time_range: RANGE, filtering: [{ field: "campaign.id", operator: "IN", value: [ids.campaignA] }] })) as Cursor;
    expect(rows(total)).toEqual([{ account_id: accountId, campaign_id: ids.campaignA, spend: expect.any(String), date_start: RANGE.since, date_stop: RANGE.until }]);
    expect(num(rows(total)[0]?.spend)).toBeCloseTo(ofA.reduce((sum, row) => sum + num(row.spend), 0), 2);
  });

  it("stops a paused ad set's delivery at its pause time and applies budget changes from their day", async () => {
    const ads = await adDaily();
    const paused = ads.filter((row) => row.ad_id === ids.adB);
    expect(paused.map((row) => row.date_start)).toEqual(DAYS.slice(0, 4));
    const spendB = (date: string) => num(paused.find((row) => row.date_start === date)?.spend);
    // Paused at 09:00 on 2026-03-05: about 9/24 of a day's budget.
    expect(spendB("2026-03-05")).toBeLessThan(spendB("2026-03-04") * 0.6);
    expect(spendB("2026-03-05")).toBeGreaterThan(0);

    const raised = ads.filter((row) => row.ad_id === ids.adC);
    const mean = (dates: string[]) => dates.reduce((sum, date) => sum + num(raised.find((row) => row.date_start === date)?.spend), 0) / dates.length;
    const before = mean(["2026-03-03", "2026-03-04"]);
    const after = mean(["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(before).toBeLessThanOrEqual(20);
    expect(after).toBeGreaterThan(before * 3);
    expect(after).toBeLessThanOrEqual(80);
  });

  it("records status and budget changes with their times, seeding a history for records stored without one", async () => {
    const adSet = await harness.emulator.store.get("adSets", ids.adSetC);
    expect(adSet?.budgetHistory).toEqual([
      { at: new Date(T0).toISOString(), dailyBudget: 2000, lifetimeBudget: null },
      { at: new Date(T0 + 3 * DAY).toISOString(), dailyBudget: 8000, lifetimeBudget: null },
    ]);
    expect((await harness.emulator.store.get("adSets", ids.adSetB))?.statusHistory).toEqual([
      { at: new Date(T0).toISOString(), status: "ACTIVE" },
      { at: new Date(T0 + 3 * DAY).toISOString(), status: "PAUSED" },
    ]);

    // An ad stored before histories existed keeps its past delivery when paused now.
    const legacyId = ids.adsA[2] as string;
    const original = (await harness.emulator.store.get("ads", legacyId))!;
    const { statusHistory: _history, ...legacy } = original;
    await harness.emulator.store.put("ads", legacy);
    const before = await adDaily();
    await new Ad(legacyId).update([], { status: "PAUSED" });
    expect((await harness.emulator.store.get("ads", legacyId))?.statusHistory).toEqual([
      { at: original.createdTime, status: "ACTIVE" },
      { at: clock.toISOString(), status: "PAUSED" },
    ]);
    // Paused today: the report up to yesterday is unchanged.
    expect(await adDaily()).toEqual(before);
    await harness.emulator.store.put("ads", original);
  });

  it("simulates from the ad's stored hidden quality, which is the one quality function's", async () => {
    const adId = ids.adsA[0] as string;
    const stored = await harness.emulator.store.get("ads", adId);
    expect(stored?.quality).toEqual(qualityForAd(adId, "USD"));
    expect(stored?.quality).toEqual(qualityFor(adId, "USD"));

    const ctrOf = (data: Row[]) => {
      const own = data.filter((row) => row.ad_id === adId);
      return own.reduce((sum, row) => sum + num(row.clicks), 0) / own.reduce((sum, row) => sum + num(row.impressions), 0);
    };
    const original = await adDaily();
    await harness.emulator.store.put("ads", { ...stored!, quality: { ...stored!.quality, ctr: 0.25 } });
    try {
      expect(ctrOf(await adDaily())).toBeGreaterThan(0.1);
      expect(ctrOf(original)).toBeLessThan(0.05);
    } finally {
      await harness.emulator.store.put("ads", stored!);
    }
    expect(await adDaily()).toEqual(original);
  });

  it("runs async report runs: POST → poll AdReportRun until Job Completed → paged results", async () => {
    const params = { level: "ad", time_increment: 1, time_range: RANGE, action_breakdowns: ["action_type"], action_attribution_windows: ["7d_click", "1d_view"] };
    const sync = await adDaily({ action_breakdowns: [], action_attribution_windows: ["7d_click", "1d_view"] });

    const run = await account().getInsightsAsync(FIELDS, params);
    expect(run.id).toMatch(/^\d+$/);
    const early = await sdkError(run.getInsights([], { limit: 500 }));
    expect(early.response).toMatchObject({ code: 100 });

    // The SDK's AdReportRun takes its id from data.report_run_id, not from the first argument.
    const polled = new AdReportRun(null, { report_run_id: run.id });
    const statuses: string[] = [];
    for (let poll = 0; poll < 30; poll++) {
      // Every AdReportRun field may be asked for; time_completed only appears once completed.
      await polled.get(["async_status", "async_percent_completion", "is_running", "time_completed", "error_code"]);
      statuses.push(polled._data.async_status as string);
      if (polled._data.async_status === "Job Completed") break;
      advance(500);
    }
    expect(statuses.at(-1)).toBe("Job Completed");
    expect(statuses[0]).toBe("Job Not Started");
    expect(polled._data).toMatchObject({ id: run.id, async_percent_completion: 100, is_running: false });

    const view = await new AdReportRun(null, { report_run_id: run.id }).get([]);
    expect(view._data).toMatchObject({ id: run.id, account_id: accountId, async_status: "Job Completed", date_start: RANGE.since, date_stop: RANGE.until, time_ref: expect.any(Number), time_completed: expect.any(Number) });
    expect(view._data.time_completed as number).toBeGreaterThan(view._data.time_ref as number);

    const results = (await run.getInsights([], { limit: 10 })) as Cursor;
    expect(results.paging.next.startsWith(`${harness.url}/v24.0/${run.id}/insights?`)).toBe(true);
    const collected = rows(results);
    while (results.hasNext()) {
      await results.next();
      collected.push(...rows(results));
    }
    expect(collected).toEqual(sync);

    // Runs are plain JSON records in the store, so a Postgres-backed store keeps them.
    const record = await harness.emulator.store.get("reportRuns", run.id);
    expect(record).toMatchObject({ id: run.id, accountId });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it("fails a report run on request: Job Failed, then -2/2490547 on its results", async () => {
    harness.emulator.faults.add({ kind: "reportRunFailure", atPercent: 30 });
    const run = await account().getInsightsAsync(["spend"], { level: "campaign", date_preset: "last_7d" });
    let status = "";
    for (let poll = 0; poll < 30 && status !== "Job Failed"; poll++) {
      advance(500);
      status = (await run.get(["async_status", "is_running"]))._data.async_status as string;
    }
    expect(status).toBe("Job Failed");
    expect(run._data.is_running).toBe(false);
    const failed = await sdkError(run.getInsights([]));
    expect(failed.response).toMatchObject({ code: -2, error_subcode: 2490547, is_transient: true });

    // The fault was used up: the next run completes.
    const next = await account().getInsightsAsync(["spend"], { level: "campaign", date_preset: "last_7d" });
    advance(10_000);
    expect((await next.get(["async_status"]))._data.async_status).toBe("Job Completed");
  });

  it("answers too much data with 100/1487534 and bad parameters with 100", async () => {
    const tooMuch = await sdkError(account().getInsights(["spend"], { level: "ad", time_increment: 1, time_range: { since: "2020-01-01", until: "2026-03-09" } }));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.name).toBe("FacebookRequestError");
    expect(tooMuch.response).toMatchObject({ code: 100, error_subcode: 1487534, error_user_title: "Too Much Data Requested", type: "OAuthException" });

    const badField = await sdkError(account().getInsights(["no_such_metric"], { time_range: RANGE }));
    expect(badField.response).toMatchObject({ code: 100 });
    const badLevel = await sdkError(account().getInsightsAsync(["spend"], { level: "creative" }));
    expect(badLevel.response?.message).toContain("level");
    const badWindow = await sdkError(account().getInsights(["spend"], { action_attribution_windows: ["3d_click"] }));
    expect(badWindow.response?.code).toBe(100);
    const unknownRun = await sdkError(new AdReportRun(null, { report_run_id: "999999999" }).get(["async_status"]));
    expect(unknownRun.response).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it("reports usage headers on insights responses, charged to ads_insights", async () => {
    const api = FacebookAdsApi.getDefaultApi();
    api.setShowHeader(true);
    try {
      const cursor = (await account().getInsights(["spend"], { date_preset: "last_7d" })) as Cursor;
      const headers = cursor.headers as Record<string, string>;
      expect(JSON.parse(headers["x-fb-ads-insights-throttle"] ?? "null")).toEqual({ app_id_util_pct: expect.any(Number), acc_id_util_pct: expect.any(Number) });
      expect(JSON.parse(headers["x-ad-account-usage"] ?? "null")).toMatchObject({ acc_id_util_pct: expect.any(Number), ads_api_access_tier: "standard_access" });
      const buc = JSON.parse(headers["x-business-use-case-usage"] ?? "{}") as Record<string, Array<{ type: string }>>;
      expect(buc[accountId]?.[0]?.type).toBe("ads_insights");
    } finally {
      api.setShowHeader(false);
    }
    // Errors carry them too; other edges do not send the insights header.
    const failed = await sdkError(account().getInsights(["no_such_metric"]));
    expect(failed.headers?.["x-fb-ads-insights-throttle"]).toBeTruthy();
    const campaigns = await fetch(`${harness.url}/v24.0/act_${accountId}/campaigns?access_token=${harness.token}`);
    expect(campaigns.headers.get("x-fb-ads-insights-throttle")).toBeNull();
    const insights = await fetch(`${harness.url}/v24.0/act_${accountId}/insights?access_token=${harness.token}`);
    expect(insights.status).toBe(200);
    expect(insights.headers.get("x-fb-ads-insights-throttle")).toBeTruthy();
  });

  it("lets ads_read tokens read insights and start report runs", async () => {
    const readOnly = harness.emulator.issueToken({ userId: sam.userId, scopes: ["ads_read"] });
    const api = new FacebookAdsApi(readOnly, "en_US", false);
    const readable = new AdAccount(act(accountId), {}, undefined, api);
    const data = (await readable.getInsights(["spend"], { time_range: RANGE })) as Cursor;
    expect(data).toHaveLength(1);
    const run = await readable.getInsightsAsync(["spend"], { time_range: RANGE });
    expect(run.id).toMatch(/^\d+$/);
  });
});
