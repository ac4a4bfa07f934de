import { describe, expect, it } from "vitest";
import { InsightsError } from "./errors";
import { queryInsights, type InsightsOutputRow, type InsightsParams } from "./query";
import { simulateInsights } from "./simulate";
import { actionCount, ad, adset, campaign, num, wideTree } from "./test-fixtures";
import type { AdTree } from "./types";

const ASOF = "2025-03-20";
const tree = wideTree();
const query = (params: InsightsParams, extra: { tree?: AdTree; asOf?: string } = {}) =>
  queryInsights({ tree: extra.tree ?? tree, params, asOf: extra.asOf ?? ASOF, buildNextUrl: (after) => `https://graph.test/v24.0/act_1/insights?after=${after}` });

const range = JSON.stringify({ since: "2025-03-01", until: "2025-03-07" });

describe("aggregation", () => {
  const adRows = simulateInsights({ ...tree, since: "2025-03-01", until: "2025-03-07", asOf: ASOF });

  it("sums counts per campaign and recomputes ratios from the sums", () => {
    const { data } = query({ level: "campaign", time_range: range, fields: "impressions,clicks,spend,reach,ctr,cpc,cpm,frequency,actions", limit: 100 });
    expect(data.map((row) => row.campaign_id)).toEqual(["c1", "c2"]);
    for (const row of data) {
      const own = adRows.filter((r) => r.campaign_id === row.campaign_id);
      const impressions = own.reduce((acc, r) => acc + num(r.impressions), 0);
      const clicks = own.reduce((acc, r) => acc + num(r.clicks), 0);
      const spend = own.reduce((acc, r) => acc + num(r.spend), 0);
      const reach = own.reduce((acc, r) => acc + num(r.reach), 0);
      expect(num(row.impressions)).toBe(impressions);
      expect(num(row.clicks)).toBe(clicks);
      expect(num(row.spend)).toBeCloseTo(spend, 2);
      expect(num(row.ctr)).toBeCloseTo((clicks / impressions) * 100, 5);
      expect(num(row.cpc)).toBeCloseTo(spend / clicks, 5);
      expect(num(row.cpm)).toBeCloseTo((spend / impressions) * 1000, 5);
      // Reach of summed ad-days is approximated as Σ reach × 0.9.
      expect(num(row.reach)).toBe(Math.round(reach * 0.9));
      expect(num(row.frequency)).toBeCloseTo(impressions / num(row.reach), 5);
      expect(row).toMatchObject({ account_id: "1", date_start: "2025-03-01", date_stop: "2025-03-07" });
    }
    // c1 sells, c2 collects leads: each row carries only its own conversions.
    expect(actionCount(data[0] as { actions?: [] }, "purchase")).toBeGreaterThan(0);
    expect(actionCount(data[1] as { actions?: [] }, "lead")).toBeGreaterThan(0);
  });

  it("returns requested fields plus the level's ids and dates, nothing else", () => {
    const { data } = query({ level: "adset", time_range: range, fields: "spend,ad_id,campaign_name,objective" });
    expect(Object.keys(data[0] ?? {}).sort()).toEqual(["account_id", "adset_id", "campaign_id", "date_start", "date_stop", "objective", "spend"]);
    const account = query({ time_range: range, fields: "impressions" }).data;
    expect(account).toHaveLength(1);
    expect(Object.keys(account[0] ?? {}).sort()).toEqual(["account_id", "date_start", "date_stop", "impressions"]);
    expect(num(account[0]?.impressions)).toBe(adRows.reduce((acc, r) => acc + num(r.impressions), 0));
  });

  it("gives daily rows with time_increment=1 and buckets otherwise", () => {
    const daily = query({ level: "account", time_range: range, time_increment: "1", fields: "spend" }).data;
    expect(daily.map((row) => [row.date_start, row.date_stop])).toEqual(
      ["01", "02", "03", "04", "05", "06", "07"].map((d) => [`2025-03-${d}`, `2025-03-${d}`]),
    );
    const adDaily = query({ level: "ad", time_range: range, time_increment: 1, fields: "impressions", limit: 500 }).data;
    expect(adDaily).toHaveLength(adRows.length);
    const weekly = query({ level: "account", time_range: JSON.stringify({ since: "2025-03-01", until: "2025-03-10" }), time_increment: "7" }).data;
    expect(weekly.map((row) => [row.date_start, row.date_stop])).toEqual([["2025-03-01", "2025-03-07"], ["2025-03-08", "2025-03-10"]]);
  });

  it("scopes to the object the edge was called on", () => {
    const page = queryInsights({ tree, params: { time_range: range, fields: "spend" }, asOf: ASOF, scope: { level: "campaign", id: "c2" } });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]?.campaign_id).toBe("c2");
  });
});

describe("filtering", () => {
  it("keeps only the filtered campaigns and ad sets", () => {
    const filtering = JSON.stringify([{ field: "campaign.id", operator: "IN", value: ["c2"] }]);
    const rows = query({ level: "ad", time_range: range, filtering, limit: 100 }).data;
    expect(new Set(rows.map((row) => row.campaign_id))).toEqual(new Set(["c2"]));
    const adsets = query({ level: "adset", time_range: range, filtering: [{ field: "adset.id", operator: "IN", value: ["s1", "s4"] }] }).data;
    expect(adsets.map((row) => row.adset_id)).toEqual(["s1", "s4"]);
  });

  it("does not change an ad's numbers by filtering out its siblings", () => {
    const all = query({ level: "ad", time_range: range, fields: "spend,impressions" }).data.find((row) => row.ad_id === "s1a1");
    const alone = query({ level: "ad", time_range: range, fields: "spend,impressions", filtering: [{ field: "ad.id", operator: "EQUAL", value: "s1a1" }] }).data;
    expect(alone).toEqual([all]);
  });

  it("rejects unknown fields and operators", () => {
    expect(() => query({ filtering: [{ field: "creative.id", operator: "IN", value: [] }] })).toThrow(InsightsError);
    expect(() => query({ filtering: [{ field: "ad.id", operator: "LIKE", value: "x" }] })).toThrow(/operator/);
    expect(() => query({ filtering: "not json" })).toThrow(/filtering/);
  });
});

describe("paging", () => {
  const params: InsightsParams = { level: "ad", time_range: range, time_increment: 1, fields: "spend" };
  const everything = query({ ...params, limit: 1000 }).data;

  it("walks every row once with after cursors and absolute next URLs", () => {
    expect(everything.length).toBeGreaterThan(40);
    const seen: InsightsOutputRow[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = query({ ...params, limit: 10, ...(after ? { after } : {}) });
      seen.push(...page.data);
      pages++;
      if (!page.paging?.next) break;
      expect(page.paging.next).toBe(`https://graph.test/v24.0/act_1/insights?after=${page.paging.cursors.after}`);
      after = page.paging.cursors.after;
    }
    expect(pages).toBe(Math.ceil(everything.length / 10));
    expect(seen).toEqual(everything);
  });

  it("pages backwards with a before cursor", () => {
    const second = query({ ...params, limit: 10, after: query({ ...params, limit: 10 }).paging?.cursors.after });
    const back = query({ ...params, limit: 10, before: second.paging?.cursors.before });
    expect(back.data).toEqual(everything.slice(0, 10));
  });

  it("answers an empty range with no rows and no paging", () => {
    expect(query({ time_range: JSON.stringify({ since: "2024-01-01", until: "2024-01-31" }) })).toEqual({ data: [] });
  });

  it("rejects a malformed cursor", () => {
    expect(() => query({ ...params, after: "garbage" })).toThrow(/cursor/);
  });
});

describe("errors", () => {
  it("refuses too much data synchronously (100/1487534) and accepts a split request", () => {
    const campaigns = [campaign("big")];
    const adsets = [adset("bs", "big")];
    const ads = Array.from({ length: 100 }, (_, i) => ad(`b${i}`, "bs", "big"));
    const big: AdTree = { account: tree.account, campaigns, adsets, ads };
    const sixtyDays = JSON.stringify({ since: "2025-01-01", until: "2025-03-01" });
    let error: unknown;
    try {
      query({ level: "ad", time_range: sixtyDays, time_increment: 1 }, { tree: big });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InsightsError);
    expect(error).toMatchObject({ code: 100, subcode: 1487534, message: "Please reduce the amount of data you're asking for, then retry your request" });
    const half = JSON.stringify([{ field: "ad.id", operator: "IN", value: ads.slice(0, 50).map((a) => a.id) }]);
    expect(query({ level: "ad", time_range: sixtyDays, filtering: half }, { tree: big }).data.length).toBeGreaterThan(0);
  });

  it("rejects bad parameters with code 100", () => {
    expect(() => query({ fields: "impressions,bogus" })).toThrow(expect.objectContaining({ code: 100 }));
    expect(() => query({ level: "creative" })).toThrow(expect.objectContaining({ code: 100 }));
    expect(() => query({ date_preset: "last_5d" })).toThrow(expect.objectContaining({ code: 100 }));
    expect(() => query({ time_range: JSON.stringify({ since: "2025-03-07", until: "2025-03-01" }) })).toThrow(/since/);
    expect(() => query({ time_increment: "0" })).toThrow(/time_increment/);
  });
});

describe("date presets", () => {
  const rangeOf = (date_preset: string, asOf = "2025-03-20T15:00:00Z") => {
    const row = query({ date_preset, fields: "spend" }, { asOf }).data[0];
    return [row?.date_start, row?.date_stop];
  };

  it("resolves relative to asOf, in the account's days", () => {
    expect(rangeOf("today")).toEqual(["2025-03-20", "2025-03-20"]);
    expect(rangeOf("yesterday")).toEqual(["2025-03-19", "2025-03-19"]);
    expect(rangeOf("last_7d")).toEqual(["2025-03-13", "2025-03-19"]);
    expect(rangeOf("last_30d")).toEqual(["2025-02-18", "2025-03-19"]);
    expect(rangeOf("this_month")).toEqual(["2025-03-01", "2025-03-20"]);
    expect(rangeOf("last_month")).toEqual(["2025-02-01", "2025-02-28"]);
    expect(rangeOf("maximum")).toEqual(["2025-01-01", "2025-03-20"]);
    expect(query({ fields: "spend" }, { asOf: "2025-03-20T15:00:00Z" }).data[0]).toMatchObject({ date_start: "2025-02-18", date_stop: "2025-03-19" });
  });

  it("lets time_range win over date_preset", () => {
    expect(query({ date_preset: "today", time_range: range }).data[0]).toMatchObject({ date_start: "2025-03-01", date_stop: "2025-03-07" });
  });

  it("uses the account's time zone for today", () => {
    const la: AdTree = { ...tree, account: { ...tree.account, timezone: "America/Los_Angeles" } };
    // 05:00 UTC on the 20th is still the 19th in Los Angeles.
    const row = query({ date_preset: "today", fields: "spend" }, { tree: la, asOf: "2025-03-20T05:00:00Z" }).data[0];
    expect(row).toMatchObject({ date_start: "2025-03-19", date_stop: "2025-03-19" });
  });
});
