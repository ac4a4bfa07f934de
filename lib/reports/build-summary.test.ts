import { describe, expect, it } from "vitest";
import { createTenants } from "@/tests/support/tenancy";
import { buildSummary } from "./build-summary";
import { dates, seedCampaign, type DayRow } from "./test-data";
import { weekStarting } from "./week";

const WEEK = weekStarting("2025-06-02");
const PREVIOUS = weekStarting("2025-05-26");
const inRange = (date: string, range: { start: string; end: string }) => date >= range.start && date <= range.end;
/** The test's own arithmetic: decimal strings to integer cents (or whole yen) without the code under test. */
const minor = (value: string, currency: string) => {
  const [whole, fraction = "0"] = value.split(".");
  return currency === "JPY" ? Number(whole) : Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
};
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** A week of campaigns covering every rule: two currencies, awkward cents, purposes with and without results. */
async function seedWeek(userId: string) {
  const summer = await seedCampaign(userId, {
    name: 'Summer <Sale> & "Friends"',
    purpose: "sales",
    dailyBudget: "50.00",
    startTime: new Date("2025-05-01T09:00:00Z"),
    days: [
      ...["10.01", "33.33", "0.07", "49.99", "25.55", "12.12", "48.48"].map((spend, index) => ({
        date: dates(WEEK.start, 7)[index]!,
        spend,
        conversions: 1,
        value: "30.03",
        clicks: 10,
        impressions: 1000,
      })),
      ...dates(PREVIOUS.start, 7).map((date, index) => ({ date, spend: "20.20", conversions: index < 5 ? 1 : 0, value: index < 5 ? "25.25" : "0", clicks: 8, impressions: 900 })),
    ],
  });
  const flash = await seedCampaign(userId, {
    name: "Flash sale",
    purpose: "sales",
    days: [
      { date: "2025-05-28", spend: "100.00", conversions: 10, value: "150.00", clicks: 50, impressions: 4000 },
      { date: "2025-06-04", spend: "150.00", conversions: 10, value: "120.00", clicks: 40, impressions: 5000 },
    ],
  });
  const silent = await seedCampaign(userId, {
    name: "Newsletter leads",
    purpose: "lead_generation",
    dailyBudget: "20.00",
    startTime: new Date("2025-05-01T09:00:00Z"),
    days: dates(WEEK.start, 7).map((date) => ({ date, spend: "19.99", clicks: 3, impressions: 700 })),
  });
  const lateStart = await seedCampaign(userId, {
    name: "Webinar leads",
    purpose: "lead_generation",
    dailyBudget: "30.00",
    startTime: new Date("2025-06-04T10:00:00Z"),
    days: dates("2025-06-04", 5).map((date) => ({ date, spend: "12.00", conversions: 2, clicks: 6, impressions: 600 })),
  });
  const tokyo = await seedCampaign(userId, {
    name: "Tokyo pop-up",
    purpose: "sales",
    currency: "JPY",
    totalBudget: "70000.00",
    startTime: new Date("2025-05-26T00:00:00Z"),
    endTime: new Date("2025-06-22T23:00:00Z"),
    days: [
      ...dates(WEEK.start, 7).map((date, index) => ({ date, spend: "1234.00", conversions: index < 3 ? 1 : 0, value: index < 3 ? "5000.00" : "0", impressions: 300 })),
      ...dates(PREVIOUS.start, 7).map((date) => ({ date, spend: "1000.00", impressions: 250 })),
    ],
  });
  const awareness = await seedCampaign(userId, { name: "Brand week", purpose: "brand_awareness", days: [{ date: "2025-06-05", spend: "5.05", impressions: 2000 }] });
  return { summer, flash, silent, lateStart, tokyo, awareness };
}

describe("weekly report summary", () => {
  it("adds up each currency to the cent, apart, with last week's changes", async () => {
    const { alice, bob } = await createTenants();
    const seeded = await seedWeek(alice.id);
    // Another user's spend on the same days must not leak into Alice's totals.
    await seedCampaign(bob.id, { name: "Bob's", purpose: "sales", days: [{ date: "2025-06-03", spend: "999.99", conversions: 3 }] });

    const summary = await buildSummary(alice.id, WEEK);
    expect(summary).toMatchObject({ periodStart: "2025-06-02", periodEnd: "2025-06-08", previousStart: "2025-05-26", previousEnd: "2025-06-01" });
    expect(summary.campaigns.map((campaign) => campaign.name).sort()).toEqual(
      ['Brand week', 'Flash sale', 'Newsletter leads', 'Summer <Sale> & "Friends"', 'Tokyo pop-up', 'Webinar leads'].sort(),
    );

    const all = Object.values(seeded);
    const expected = (currency: string, range: { start: string; end: string }, field: (day: DayRow) => number) =>
      sum(all.filter((campaign) => campaign.currency === currency).flatMap((campaign) => campaign.days.filter((day) => inRange(day.date, range)).map(field)));
    // Dollars and yen are never added together: one line each.
    expect(summary.totals.map((total) => total.currency)).toEqual(["USD", "JPY"]);
    for (const currency of ["USD", "JPY"]) {
      const total = summary.totals.find((entry) => entry.currency === currency)!;
      const spend = expected(currency, WEEK, (day) => minor(day.spend, currency));
      const previousSpend = expected(currency, PREVIOUS, (day) => minor(day.spend, currency));
      expect(total.current.spend).toBe(spend);
      expect(total.previous.spend).toBe(previousSpend);
      expect(total.current.conversionValue).toBe(expected(currency, WEEK, (day) => minor(day.value ?? "0", currency)));
      expect(total.current.conversions).toBe(expected(currency, WEEK, (day) => day.conversions ?? 0));
      expect(total.changes.spend).toBeCloseTo((spend - previousSpend) / previousSpend, 10);
    }
    // Worked by hand: 179.55 + 150.00 + 139.93 + 60.00 + 5.05, and 7 × ¥1,234.
    expect(summary.totals.find((entry) => entry.currency === "USD")!.current.spend).toBe(53_453);
    expect(summary.totals.find((entry) => entry.currency === "JPY")!.current.spend).toBe(8_638);

    const usd = summary.totals.find((entry) => entry.currency === "USD")!;
    // Conversions 7 + 10 + 0 + 10 = 27 against 5 + 10 = 15 last week.
    expect(usd.changes.conversions).toBeCloseTo(27 / 15 - 1, 10);
    expect(usd.ratios.current.cpa).toBeCloseTo(534.53 / 27, 10);
    expect(usd.changes.cpa).toBeCloseTo(534.53 / 27 / (241.4 / 15) - 1, 10);
  });

  it("picks the best and worst campaign per purpose and currency, and never ranks a campaign without results as best", async () => {
    const { alice } = await createTenants();
    const seeded = await seedWeek(alice.id);
    const summary = await buildSummary(alice.id, WEEK);
    const group = (purpose: string, currency: string) => summary.highlights.find((entry) => entry.purpose === purpose && entry.currency === currency);

    // Sales with purchase values rank by return on ad spend: 210.21 / 179.55 beats 120 / 150.
    expect(group("sales", "USD")).toMatchObject({ metric: "roas", best: { campaignId: seeded.summer.id }, worst: { campaignId: seeded.flash.id, value: 0.8 } });
    expect(group("sales", "USD")!.best!.value).toBeCloseTo(210.21 / 179.55, 10);
    // Leads rank by cost per lead; the campaign that spent without a lead is the worst, with no value.
    expect(group("lead_generation", "USD")).toMatchObject({
      metric: "cpa",
      best: { campaignId: seeded.lateStart.id, value: 6 },
      worst: { campaignId: seeded.silent.id, value: null, spend: 13_993, conversions: 0 },
    });
    // Alone in its group (yen are never compared with dollars): best only.
    expect(group("sales", "JPY")).toMatchObject({ metric: "roas", best: { campaignId: seeded.tokyo.id }, worst: null });
    // Reach campaigns have no result to count: cost per 1,000 impressions.
    expect(group("brand_awareness", "USD")).toMatchObject({ metric: "cpm", best: { campaignId: seeded.awareness.id, value: 2.525 }, worst: null });
  });

  it("ranks a lone campaign that spent without results as worst only, and the bigger waste below the smaller", async () => {
    const { alice } = await createTenants();
    const small = await seedCampaign(alice.id, { name: "Small", purpose: "app_installs", days: [{ date: "2025-06-03", spend: "3.00" }] });
    const big = await seedCampaign(alice.id, { name: "Big", purpose: "app_installs", days: [{ date: "2025-06-03", spend: "30.00" }] });
    const summary = await buildSummary(alice.id, WEEK);
    expect(summary.highlights).toEqual([
      { purpose: "app_installs", currency: "USD", metric: "cpa", best: null, worst: { campaignId: big.id, name: "Big", value: null, spend: 3000, conversions: 0 } },
    ]);
    expect(small.id).not.toBe(big.id);
  });

  it("paces daily budgets on the days scheduled this week and lifetime budgets on the elapsed share of the schedule", async () => {
    const { alice } = await createTenants();
    const seeded = await seedWeek(alice.id);
    const summary = await buildSummary(alice.id, WEEK);
    const pacing = (id: string) => summary.pacing.find((line) => line.campaignId === id);

    expect(pacing(seeded.summer.id)).toMatchObject({ kind: "daily", budget: 5000, spend: 17_955, expected: 35_000 });
    expect(pacing(seeded.summer.id)!.ratio).toBeCloseTo(17_955 / 35_000, 10);
    expect(pacing(seeded.silent.id)!.ratio).toBeCloseTo(13_993 / 14_000, 10);
    // Started on Wednesday: five days of a $30 budget.
    expect(pacing(seeded.lateStart.id)).toMatchObject({ kind: "daily", spend: 6000, expected: 15_000, ratio: 0.4 });
    // 28-day schedule, 14 days elapsed by Sunday; spend to date is both weeks.
    expect(pacing(seeded.tokyo.id)).toMatchObject({ kind: "lifetime", budget: 70_000, spend: 8_638 + 7_000, expected: 35_000 });
    expect(pacing(seeded.tokyo.id)!.ratio).toBeCloseTo(15_638 / 35_000, 10);
    // No budget of its own (ad-set budgets, say): no pacing line rather than a made-up one.
    expect(pacing(seeded.flash.id)).toBeUndefined();
  });

  it("lists open recommendations, most serious first: spend without results, cost per result up over 30%, a daily budget under 60%", async () => {
    const { alice } = await createTenants();
    const seeded = await seedWeek(alice.id);
    const summary = await buildSummary(alice.id, WEEK);
    expect(summary.openRecommendations.map((item) => [item.kind, item.campaignId])).toEqual([
      ["no_conversions", seeded.silent.id],
      ["cpa_rising", seeded.flash.id],
      // $179.55 of $350.00 is 51%.
      ["under_pacing", seeded.summer.id],
      ["under_pacing", seeded.lateStart.id],
    ]);
    expect(summary.openRecommendations[0]!.finding).toBe("Spent $139.93 in the last 7 days with no leads.");
    expect(summary.openRecommendations[1]!.finding).toBe("Cost per purchase rose 50% week over week, from $10.00 to $15.00.");
    expect(summary.openRecommendations[3]!.finding).toBe("Spent 40% of its daily budget this week ($60.00 of $150.00).");
  });

  it("leaves paused campaigns out of the spend-without-results and pacing findings", async () => {
    const { alice } = await createTenants();
    await seedCampaign(alice.id, {
      name: "Paused leads",
      purpose: "lead_generation",
      status: "paused",
      dailyBudget: "50.00",
      startTime: new Date("2025-05-01T00:00:00Z"),
      days: dates(WEEK.start, 7).map((date) => ({ date, spend: "1.00" })),
    });
    expect((await buildSummary(alice.id, WEEK)).openRecommendations).toEqual([]);
  });
});
