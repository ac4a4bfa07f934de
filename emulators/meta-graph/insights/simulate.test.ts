import { describe, expect, it } from "vitest";
import { addDays, isWeekend, toDayNumber } from "./calendar";
import { qualityFor } from "./quality";
import { simulateDelivery, simulateInsights } from "./simulate";
import { actionCount, ad, adset, campaign, num, simpleTree } from "./test-fixtures";
import type { AdTree, InsightsRow } from "./types";

const run = (tree: AdTree, since: string, until: string, asOf = "2025-06-30") => simulateInsights({ ...tree, since, until, asOf });

const sum = (rows: InsightsRow[], pick: (row: InsightsRow) => number) => rows.reduce((acc, row) => acc + pick(row), 0);

describe("simulateInsights determinism", () => {
  it("gives identical output for identical input", () => {
    const tree = simpleTree({ adCount: 3 });
    expect(run(tree, "2025-01-01", "2025-01-31")).toEqual(run(structuredClone(tree), "2025-01-01", "2025-01-31"));
  });

  it("gives a day the same numbers whatever range it is asked in", () => {
    const tree = simpleTree({ adCount: 2 });
    const wide = run(tree, "2025-01-01", "2025-01-31").filter((row) => row.date_start === "2025-01-15");
    expect(run(tree, "2025-01-15", "2025-01-15")).toEqual(wide);
  });

  it("derives hidden quality from the ad id within the documented ranges", () => {
    expect(qualityFor("123")).toEqual(qualityFor("123"));
    expect(qualityFor("123")).not.toEqual(qualityFor("124"));
    for (let i = 0; i < 200; i++) {
      const q = qualityFor(`ad-${i}`);
      expect(q.ctr).toBeGreaterThanOrEqual(0.004);
      expect(q.ctr).toBeLessThanOrEqual(0.03);
      expect(q.conversionRate).toBeGreaterThanOrEqual(0.01);
      expect(q.conversionRate).toBeLessThanOrEqual(0.08);
      expect(q.orderValueMinor).toBeGreaterThanOrEqual(2000);
      expect(q.orderValueMinor).toBeLessThanOrEqual(12000);
    }
    expect(qualityFor("123", "JPY").orderValueMinor).toBeGreaterThan(qualityFor("123").orderValueMinor);
  });
});

describe("delivery windows", () => {
  it("delivers nothing before the ad set starts or after it ends", () => {
    const tree = simpleTree();
    tree.adsets[0] = adset("s1", "c1", { startTime: "2025-03-05T00:00:00Z", endTime: "2025-03-10T00:00:00Z" });
    const dates = run(tree, "2025-03-01", "2025-03-15").map((row) => row.date_start);
    expect(dates[0]).toBe("2025-03-05");
    expect(dates[dates.length - 1]).toBe("2025-03-09");
  });

  it("delivers nothing before the ad was created, and a partial first day", () => {
    const tree = simpleTree();
    tree.ads[0] = ad("a1", "s1", "c1", { createdTime: "2025-03-05T18:00:00Z" });
    const rows = run(tree, "2025-03-01", "2025-03-07");
    expect(rows[0]?.date_start).toBe("2025-03-05");
    // 6 of 24 hours left on the creation day.
    expect(num(rows[0]?.spend)).toBeLessThan(num(rows[1]?.spend) * 0.4);
  });

  it("uses account-local days", () => {
    const tree = simpleTree({ timezone: "America/Los_Angeles" });
    tree.adsets[0] = adset("s1", "c1", { startTime: "2025-03-05T00:00:00-0800" });
    const rows = run(tree, "2025-03-01", "2025-03-07");
    expect(rows[0]?.date_start).toBe("2025-03-05");
    expect(num(rows[0]?.spend)).toBeGreaterThan(80); // a full local day of a $100 budget
  });

  it("delivers nothing while anything above the ad is paused", () => {
    const tree = simpleTree();
    tree.campaigns[0] = campaign("c1", {
      statusHistory: [
        { at: "2025-01-01T00:00:00Z", status: "ACTIVE" },
        { at: "2025-03-07T00:00:00Z", status: "PAUSED" },
        { at: "2025-03-09T00:00:00Z", status: "ACTIVE" },
      ],
    });
    const dates = run(tree, "2025-03-05", "2025-03-10").map((row) => row.date_start);
    expect(dates).toEqual(["2025-03-05", "2025-03-06", "2025-03-09", "2025-03-10"]);

    const paused = simpleTree();
    paused.ads[0] = ad("a1", "s1", "c1", { status: "PAUSED" });
    expect(run(paused, "2025-03-01", "2025-03-10")).toEqual([]);
  });

  it("delivers nothing after asOf, and only part of today", () => {
    const tree = simpleTree();
    const rows = simulateInsights({ ...tree, since: "2025-03-01", until: "2025-03-31", asOf: "2025-03-10T06:00:00Z" });
    expect(rows[rows.length - 1]?.date_start).toBe("2025-03-10");
    const today = num(rows[rows.length - 1]?.spend);
    expect(today).toBeGreaterThan(0);
    expect(today).toBeLessThan(100 * 0.3);
  });
});

describe("budgets and spend", () => {
  it("spends each day's budget within ±15%", () => {
    const tree = simpleTree({ adCount: 3, dailyBudget: 25_000 });
    const rows = run(tree, "2025-02-01", "2025-02-28");
    const byDay = new Map<string, number>();
    for (const row of rows) byDay.set(row.date_start, (byDay.get(row.date_start) ?? 0) + num(row.spend));
    expect(byDay.size).toBe(28);
    for (const spend of byDay.values()) {
      expect(spend).toBeGreaterThanOrEqual(250 * 0.85 - 0.01);
      expect(spend).toBeLessThanOrEqual(250 * 1.15);
    }
  });

  it("follows budget changes from the day they were made", () => {
    const tree = simpleTree();
    tree.adsets[0] = adset("s1", "c1", {
      budgetHistory: [
        { at: "2025-01-01T00:00:00Z", dailyBudget: 10_000 },
        { at: "2025-02-10T09:00:00Z", dailyBudget: 40_000 },
      ],
    });
    const rows = run(tree, "2025-02-08", "2025-02-11");
    expect(num(rows[1]?.spend)).toBeLessThanOrEqual(100);
    expect(num(rows[2]?.spend)).toBeGreaterThan(400 * 0.85 - 0.01);
  });

  it("spreads a lifetime budget over the schedule", () => {
    const tree = simpleTree();
    tree.adsets[0] = adset("s1", "c1", { dailyBudget: undefined, lifetimeBudget: 100_000, startTime: "2025-03-01T00:00:00Z", endTime: "2025-03-11T00:00:00Z" });
    const total = sum(run(tree, "2025-02-20", "2025-03-20"), (row) => num(row.spend));
    expect(total).toBeGreaterThan(1000 * 0.85);
    expect(total).toBeLessThanOrEqual(1000);
  });

  it("splits an Advantage campaign budget toward the better ad set", () => {
    const strong = { ctr: 0.03, conversionRate: 0.06, orderValueMinor: 8000 };
    const weak = { ctr: 0.008, conversionRate: 0.02, orderValueMinor: 4000 };
    const tree: AdTree = {
      account: { id: "act_1", currency: "USD", timezone: "UTC" },
      campaigns: [campaign("c1", { dailyBudget: 30_000 })],
      adsets: [adset("s1", "c1", { dailyBudget: undefined }), adset("s2", "c1", { dailyBudget: undefined })],
      ads: [ad("a1", "s1", "c1", { quality: strong }), ad("a2", "s2", "c1", { quality: weak })],
    };
    const rows = run(tree, "2025-02-01", "2025-02-07");
    const spendOf = (adsetId: string) => sum(rows.filter((row) => row.adset_id === adsetId), (row) => num(row.spend));
    expect(spendOf("s1")).toBeGreaterThan(spendOf("s2") * 3);
    const total = spendOf("s1") + spendOf("s2");
    expect(total).toBeGreaterThanOrEqual(7 * 300 * 0.85 - 0.01);
    expect(total).toBeLessThanOrEqual(7 * 300);
  });

  it("has diminishing returns: double the budget, less than 1.9× the conversions over 14 days", () => {
    const purchases = (dailyBudget: number) => sum(run(simpleTree({ dailyBudget }), "2025-02-01", "2025-02-14"), (row) => actionCount(row, "purchase"));
    const base = purchases(20_000);
    const doubled = purchases(40_000);
    expect(base).toBeGreaterThan(50);
    expect(doubled).toBeGreaterThan(base);
    expect(doubled / base).toBeLessThan(1.9);
  });

  it("converts spend to a major-unit string per currency", () => {
    const tree = simpleTree();
    const yen = { ...tree, account: { ...tree.account, currency: "JPY" } };
    yen.adsets = [adset("s1", "c1", { dailyBudget: 15_000 })]; // ¥15,000: no minor units
    const rows = run(yen, "2025-02-03", "2025-02-03");
    expect(rows[0]?.spend).toMatch(/^\d+\.\d{2}$/);
    expect(num(rows[0]?.spend)).toBeGreaterThan(15_000 * 0.85 - 1);
    expect(num(rows[0]?.cpm)).toBeGreaterThan(300); // yen CPMs, not dollar ones
  });
});

describe("delivery shape", () => {
  it("gets more impressions for the money at weekends", () => {
    const records = simulateDelivery({ ...simpleTree({ adCount: 2 }), since: "2025-01-06", until: "2025-03-02", asOf: "2025-06-30" });
    const mean = (weekend: boolean) => {
      const picked = records.filter((r) => isWeekend(toDayNumber(r.date)) === weekend);
      return picked.reduce((acc, r) => acc + r.impressions / r.spendMinor, 0) / picked.length;
    };
    expect(mean(true) / mean(false)).toBeGreaterThan(1.08);
  });

  it("fatigues: CTR in week 4 is below week 1", () => {
    const rows = run(simpleTree(), "2025-01-01", "2025-01-28");
    const ctr = (from: string, to: string) => {
      const week = rows.filter((row) => row.date_start >= from && row.date_start <= to);
      return sum(week, (row) => num(row.clicks)) / sum(week, (row) => num(row.impressions));
    };
    expect(ctr("2025-01-22", "2025-01-28")).toBeLessThan(ctr("2025-01-01", "2025-01-07") * 0.8);
  });

  it("keeps reach below impressions with daily frequency rising over time", () => {
    const rows = run(simpleTree(), "2025-01-01", "2025-03-01");
    for (const row of rows) expect(num(row.reach)).toBeLessThanOrEqual(num(row.impressions));
    expect(num(rows[rows.length - 1]?.frequency)).toBeGreaterThan(num(rows[0]?.frequency) + 0.5);
  });
});

describe("attribution settling", () => {
  it("grows a day's conversions as asOf advances, then stops after 3 days", () => {
    const tree = simpleTree({ dailyBudget: 100_000 });
    const day = "2025-02-10";
    const purchasesAsOf = (offset: number) => {
      const rows = simulateInsights({ ...tree, since: day, until: day, asOf: addDays(day, offset) });
      return { purchases: actionCount(rows[0] ?? {}, "purchase"), spend: rows[0]?.spend, clicks: rows[0]?.clicks };
    };
    const seen = [0, 1, 2, 3, 4, 5, 10].map(purchasesAsOf);
    const counts = seen.map((s) => s.purchases);
    // Reported on the day itself at 60 %, then 80 %, 95 %, and final from 3 days later.
    for (let i = 1; i <= 3; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1] as number);
    expect(counts[3]).toBe(counts[4]);
    expect(counts[4]).toBe(counts[5]);
    expect(counts[5]).toBe(counts[6]);
    // Delivery itself is final once the day is over; only conversions settle.
    expect(new Set(seen.map((s) => `${s.spend}|${s.clicks}`)).size).toBe(1);
  });
});

describe("actions", () => {
  it("reports a purchase under three overlapping types with equal counts and values", () => {
    const rows = run(simpleTree({ dailyBudget: 50_000 }), "2025-02-01", "2025-02-03");
    for (const row of rows) {
      const types = ["purchase", "omni_purchase", "offsite_conversion.fb_pixel_purchase"];
      const counts = types.map((type) => actionCount(row, type));
      const values = types.map((type) => row.action_values?.find((a) => a.action_type === type)?.value);
      expect(counts[0]).toBeGreaterThan(0);
      expect(new Set(counts).size).toBe(1);
      expect(new Set(values).size).toBe(1);
      expect(actionCount(row, "link_click")).toBe(num(row.clicks));
      expect(row.purchase_roas?.[0]?.action_type).toBe("omni_purchase");
    }
  });

  it("reports leads, installs and awareness per objective", () => {
    const leads = run(simpleTree({ objective: "OUTCOME_LEADS", dailyBudget: 50_000 }), "2025-02-01", "2025-02-01")[0] ?? {};
    const leadTypes = ["lead", "onsite_conversion.lead_grouped", "offsite_conversion.fb_pixel_lead"].map((type) => actionCount(leads, type));
    expect(leadTypes[0]).toBeGreaterThan(0);
    expect(new Set(leadTypes).size).toBe(1);
    expect(actionCount(leads, "purchase")).toBe(0);
    expect("action_values" in leads).toBe(false);

    const app = run(simpleTree({ objective: "OUTCOME_APP_PROMOTION", dailyBudget: 50_000 }), "2025-02-01", "2025-02-01")[0] ?? {};
    expect(actionCount(app, "mobile_app_install")).toBeGreaterThan(0);

    const awareness = run(simpleTree({ objective: "OUTCOME_AWARENESS" }), "2025-02-01", "2025-02-01")[0];
    expect(awareness?.actions?.map((a) => a.action_type).sort()).toEqual(["link_click", "page_engagement", "post_engagement"]);
    expect(awareness?.purchase_roas).toBeUndefined();
  });

  it("formats a row as Meta does", () => {
    const row = run(simpleTree(), "2025-02-01", "2025-02-01")[0];
    expect(row).toMatchObject({ date_start: "2025-02-01", date_stop: "2025-02-01", account_id: "1", campaign_id: "c1", adset_id: "s1", ad_id: "a1" });
    expect(row?.spend).toMatch(/^\d+\.\d{2}$/);
    const impressions = num(row?.impressions);
    expect(num(row?.ctr)).toBeCloseTo((num(row?.clicks) / impressions) * 100, 4);
    expect(num(row?.cpm)).toBeCloseTo((num(row?.spend) / impressions) * 1000, 4);
  });
});
