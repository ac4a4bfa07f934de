import { AdAccount, AdSet, Campaign } from "facebook-nodejs-business-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX } from "./index";
import { act, adSetParams, campaignParams, sdkError, startHarness, type Harness } from "./test-support";

const accountId = SANDBOX.sam.adAccountId;

describe("rate limits, budget-change limit and fault injection", () => {
  let harness: Harness;
  let clock: Date;
  const tick = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock = new Date("2026-03-01T12:00:00Z");
    harness = await startHarness({ now: () => clock, accessTier: "development" });
  });
  afterEach(() => harness.close());

  const get = (path: string) => fetch(`${harness.url}/v24.0/${path}${path.includes("?") ? "&" : "?"}access_token=${harness.token}`);
  const json = async (response: Response) => (await response.json()) as { error?: { code: number; error_subcode?: number; is_transient?: boolean } };
  const header = (response: Response, name: string) => JSON.parse(response.headers.get(name) ?? "null") as Record<string, unknown>;

  it("reports usage headers on successes and errors, and throttles at 100 % with 17/2446079", async () => {
    const first = await get(`act_${accountId}/campaigns`);
    expect(first.status).toBe(200);
    expect(header(first, "x-app-usage")).toEqual({ call_count: expect.any(Number), total_cputime: expect.any(Number), total_time: expect.any(Number) });
    expect(header(first, "x-ad-account-usage")).toEqual({ acc_id_util_pct: 1.67, reset_time_duration: 5, ads_api_access_tier: "development_access" });
    const buc = header(first, "x-business-use-case-usage")[accountId] as Array<Record<string, unknown>>;
    expect(buc[0]).toMatchObject({ type: "ads_management", call_count: expect.any(Number), total_cputime: expect.any(Number), total_time: expect.any(Number), estimated_time_to_regain_access: 0 });

    const failed = await get(`act_${accountId}/campaigns?filtering=notjson`);
    expect(failed.status).toBe(400);
    expect(failed.headers.get("x-ad-account-usage")).toBeTruthy();
    expect(failed.headers.get("x-business-use-case-usage")).toBeTruthy();

    // Writes cost 3 points: 20 of them exhaust the dev-tier score of 60.
    const account = new AdAccount(act(accountId));
    let throttled;
    for (let call = 0; call < 25 && !throttled; call++) {
      try {
        await account.createCampaign([], campaignParams({ name: `Burst ${call}` }));
      } catch (error) {
        throttled = error as Awaited<ReturnType<typeof sdkError>>;
      }
    }
    expect(throttled?.response).toMatchObject({ code: 17, error_subcode: 2446079, is_transient: true });
    const usage = JSON.parse(throttled?.headers?.["x-business-use-case-usage"] ?? "{}") as Record<string, Array<{ estimated_time_to_regain_access: number }>>;
    expect(usage[accountId]?.[0]?.estimated_time_to_regain_access).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(throttled?.headers?.["x-ad-account-usage"] ?? "{}").acc_id_util_pct).toBeGreaterThanOrEqual(100);

    // The score decays linearly over 300 s; a minute later calls go through again.
    tick(60);
    expect((await get(`act_${accountId}/campaigns`)).status).toBe(200);
    // Other accounts are unaffected throughout.
    expect((await get(`act_${SANDBOX.sam.eurAdAccountId}/campaigns`)).status).toBe(200);
  });

  it("caps ads_management calls per hour with 80004", async () => {
    let response: Response | undefined;
    for (let call = 0; call <= 300; call++) {
      tick(5);
      response = await get(`act_${accountId}`);
    }
    expect(response?.status).toBe(400);
    expect((await json(response as Response)).error).toMatchObject({ code: 80004, error_subcode: 2446079 });
    tick(3600);
    expect((await get(`act_${accountId}`)).status).toBe(200);
  });

  it("refuses a fifth ad set budget change within an hour with 613/1487632", async () => {
    const account = new AdAccount(act(accountId));
    const campaign = await account.createCampaign([], campaignParams());
    const adSet = await account.createAdSet([], adSetParams(campaign.id));
    for (const budget of [2100, 2200, 2300, 2400]) {
      tick(30);
      await new AdSet(adSet.id).update([], { daily_budget: budget });
    }
    tick(30);
    const fifth = await sdkError(new AdSet(adSet.id).update([], { daily_budget: 2500 }));
    expect(fifth.response).toMatchObject({ code: 613, error_subcode: 1487632 });
    tick(3600);
    expect(await new AdSet(adSet.id).update([], { daily_budget: 2500 })).toEqual({ success: true });
  });

  it("injects transient errors, bare 500s, token expiry, throttling and delays", async () => {
    const { faults } = harness.emulator;
    faults.add({ kind: "transient", code: 2, times: 2, path: /\/campaigns$/ });
    const transient = await sdkError(new AdAccount(act(accountId)).getCampaigns(["name"]));
    expect(transient.status).toBe(500);
    expect(transient.response).toMatchObject({ code: 2, is_transient: true });
    // Non-matching paths are untouched; the second matching call still fails; then it recovers.
    expect((await get("me")).status).toBe(200);
    expect((await json(await get(`act_${accountId}/campaigns`))).error).toMatchObject({ code: 2 });
    expect((await get(`act_${accountId}/campaigns`)).status).toBe(200);
    expect(faults.pending).toBe(0);

    faults.add({ kind: "http500" });
    const bare = await get("me");
    expect(bare.status).toBe(500);
    expect(bare.headers.get("content-type")).toContain("text/html");

    faults.add({ kind: "tokenExpired" });
    const expired = await sdkError(new Campaign("1").read(["name"]));
    expect(expired.response).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await get("me")).status).toBe(200);

    faults.add({ kind: "rateLimit", regainMinutes: 7 });
    const limited = await get(`act_${accountId}/ads`);
    expect((await json(limited)).error).toMatchObject({ code: 17, error_subcode: 2446079 });
    expect((header(limited, "x-business-use-case-usage")[accountId] as Array<Record<string, unknown>>)[0]?.estimated_time_to_regain_access).toBe(7);

    faults.add({ kind: "delay", ms: 250, method: "GET" });
    const started = Date.now();
    expect((await get("me")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
});
