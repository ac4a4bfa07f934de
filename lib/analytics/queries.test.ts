import { and, between, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { campaignAds, creativeAssets, performanceAnalytics } from "@/db/schema";
import { recentPerformance } from "@/lib/campaigns/list";
import { createLaunchedCampaign, insertAdDay, insertDays, randomDays, seeded, type DayFigures } from "@/tests/support/analytics-fixtures";
import { createConnection } from "@/tests/support/meta-fixtures";
import { createTenants, createUser } from "@/tests/support/tenancy";
import { campaignPerformance } from "./campaign-performance";
import { kpiCards } from "./kpis";
import { campaignRows, dailySeries, kpiSummary, sortRows } from "./queries";
import { presetRange, type DateRange } from "./range";

const TODAY = "2025-06-30";
const last28 = presetRange("last_28", TODAY);
const all = (range: DateRange) => ({ range, campaignIds: [] as string[] });
const day = (date: string, figures: Partial<DayFigures> = {}): DayFigures => ({ date, spendCents: 0, impressions: 0, clicks: 0, conversions: 0, valueCents: 0, ...figures });

/** Spend in the window, summed by Postgres independently of the code under test. */
async function sqlSpend(userId: string, since: string, until: string): Promise<string> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${performanceAnalytics.spend}), 0)::text` })
    .from(performanceAnalytics)
    .where(and(eq(performanceAnalytics.userId, userId), between(performanceAnalytics.date, since, until)));
  return row!.total;
}

describe("kpiSummary", () => {
  it("totals thousands of rows with awkward decimals exactly to the cent, as Postgres and integer cents agree", async () => {
    const user = await createUser();
    const random = seeded(7);
    const inserted: DayFigures[] = [];
    for (let index = 0; index < 6; index++) {
      const campaign = await createLaunchedCampaign(user.id);
      const days = randomDays(TODAY, 366, random);
      inserted.push(...days);
      await insertDays(user.id, campaign.id, days);
    }
    expect(inserted.length).toBe(2196);

    for (const range of [presetRange("last_90", TODAY), { since: "2024-07-01", until: TODAY, preset: "custom" as const }]) {
      const summary = await kpiSummary(user.id, all(range));
      const inRange = inserted.filter((row) => row.date >= range.since && row.date <= range.until);
      const cents = inRange.reduce((sum, row) => sum + row.spendCents, 0);
      expect(summary.currency).toBe("USD");
      expect(summary.current.spendCents).toBe(cents);
      expect(summary.current.spendCents / 100).toBe(Number(await sqlSpend(user.id, range.since, range.until)));
      expect(summary.current.valueCents).toBe(inRange.reduce((sum, row) => sum + row.valueCents, 0));
      expect(summary.current.clicks).toBe(inRange.reduce((sum, row) => sum + row.clicks, 0));
      expect(summary.current.conversions).toBe(inRange.reduce((sum, row) => sum + row.conversions, 0));
      // Ratios come from the sums, not from an average of daily ratios.
      expect(summary.current.cpa).toBeCloseTo(cents / 100 / summary.current.conversions, 9);
      const before = inserted.filter((row) => row.date >= summary.previousRange.since && row.date <= summary.previousRange.until);
      expect(summary.previous.spendCents).toBe(before.reduce((sum, row) => sum + row.spendCents, 0));
    }
  });

  it("compares with the equal-length period just before, and colours lower CPA as better", async () => {
    const user = await createUser();
    const campaign = await createLaunchedCampaign(user.id);
    // Range: Jun 3–30. Previous: May 6–Jun 2.
    await insertDays(user.id, campaign.id, [
      day("2025-06-10", { spendCents: 15_000, impressions: 10_000, clicks: 200, conversions: 6, valueCents: 60_000 }),
      day("2025-06-20", { spendCents: 5_000, impressions: 10_000, clicks: 200, conversions: 4, valueCents: 20_000 }),
      day("2025-05-06", { spendCents: 10_000, impressions: 10_000, clicks: 100, conversions: 4, valueCents: 50_000 }),
      day("2025-05-05", { spendCents: 99_999, impressions: 1, clicks: 1, conversions: 1, valueCents: 1 }), // outside both periods
    ]);
    const summary = await kpiSummary(user.id, all(last28));
    expect(summary.previousRange).toEqual({ since: "2025-05-06", until: "2025-06-02" });
    expect(summary.current.spendCents).toBe(20_000);
    expect(summary.previous.spendCents).toBe(10_000);
    const cards = Object.fromEntries(kpiCards(summary.current, summary.previous, "USD").map((card) => [card.key, card]));
    expect(cards.spend).toMatchObject({ value: "$200.00", change: 1, trend: "neutral" });
    expect(cards.cpa!.change).toBeCloseTo((20 - 25) / 25, 10);
    expect(cards.cpa!.trend).toBe("better");
    // $1.00 per click before, $0.50 now: cheaper clicks are better.
    expect(cards.cpc!.change).toBeCloseTo(-0.5, 10);
    expect(cards.cpc!.trend).toBe("better");
    expect(cards.roas!.change).toBeCloseTo((4 - 5) / 5, 10);
    expect(cards.roas!.trend).toBe("worse");
    expect(cards.clicks).toMatchObject({ change: 3, trend: "better" });
  });

  it("returns null ratios (never 0 or Infinity) when a denominator is zero, and no change against an empty period", async () => {
    const user = await createUser();
    const campaign = await createLaunchedCampaign(user.id);
    await insertDays(user.id, campaign.id, [day("2025-06-29", { spendCents: 1_234 })]);
    const summary = await kpiSummary(user.id, all(last28));
    expect(summary.current).toMatchObject({ spendCents: 1_234, ctr: null, cpc: null, cpa: null, cpm: null, roas: 0 });
    expect(summary.previous).toMatchObject({ spendCents: 0, ctr: null, cpa: null, roas: null });
    for (const card of kpiCards(summary.current, summary.previous, "USD")) expect(card.change).toBeNull();
    expect(kpiCards(summary.current, summary.previous, "USD").find((card) => card.key === "cpa")!.value).toBe("—");

    const empty = await kpiSummary(user.id, all(presetRange("last_7", "2020-01-31")));
    expect(empty).toMatchObject({ currency: null, currencies: [] });
    expect(empty.current).toMatchObject({ spendCents: 0, ctr: null, cpc: null, cpa: null, roas: null });
  });

  it("never adds amounts in different currencies: one currency at a time, the biggest spender first", async () => {
    const user = await createUser();
    const dollars = await createLaunchedCampaign(user.id, { name: "US shop", currency: "USD" });
    const euros = await createLaunchedCampaign(user.id, { name: "EU shop", currency: "EUR" });
    await insertDays(user.id, dollars.id, [day("2025-06-20", { spendCents: 10_001, impressions: 1_000, clicks: 10, conversions: 1 })]);
    await insertDays(user.id, euros.id, [day("2025-06-20", { spendCents: 30_003, impressions: 3_000, clicks: 30, conversions: 3 }), day("2025-06-21", { spendCents: 7 })]);

    const byDefault = await kpiSummary(user.id, all(last28));
    expect(byDefault.currency).toBe("EUR");
    expect(byDefault.currencies).toEqual([
      { currency: "EUR", spendCents: 30_010 },
      { currency: "USD", spendCents: 10_001 },
    ]);
    expect(byDefault.current).toMatchObject({ spendCents: 30_010, clicks: 30 });
    const dollarsOnly = await kpiSummary(user.id, all(last28), "USD");
    expect(dollarsOnly.current).toMatchObject({ spendCents: 10_001, clicks: 10, impressions: 1_000 });
    // A currency the user has no rows in falls back to the default rather than showing zeros.
    expect((await kpiSummary(user.id, all(last28), "JPY")).currency).toBe("EUR");

    const series = await dailySeries(user.id, all(last28), "USD", TODAY);
    expect(series.reduce((sum, point) => sum + point.spendCents, 0)).toBe(10_001);
    expect((await campaignRows(user.id, all(last28), "USD")).map((row) => row.name)).toEqual(["US shop"]);
    const both = await campaignRows(user.id, all(last28), null);
    expect(Object.fromEntries(both.map((row) => [row.name, [row.currency, row.spendCents]]))).toEqual({ "US shop": ["USD", 10_001], "EU shop": ["EUR", 30_010] });
  });
});

describe("tenant isolation", () => {
  it("never shows one user's numbers to another, even when asked for the other's campaign ids", async () => {
    const { alice, bob } = await createTenants();
    const mine = await createLaunchedCampaign(alice.id, { name: "Alice's" });
    const theirs = await createLaunchedCampaign(bob.id, { name: "Bob's" });
    await insertDays(alice.id, mine.id, [day("2025-06-25", { spendCents: 50_000, clicks: 5, conversions: 1 })]);
    await insertDays(bob.id, theirs.id, [day("2025-06-25", { spendCents: 700, clicks: 1 })]);

    expect((await kpiSummary(bob.id, all(last28))).current.spendCents).toBe(700);
    const probing = { range: last28, campaignIds: [mine.id] };
    expect(await kpiSummary(bob.id, probing)).toMatchObject({ currency: null, current: { spendCents: 0 } });
    expect(await campaignRows(bob.id, probing, null)).toEqual([]);
    expect((await dailySeries(bob.id, probing, "USD", TODAY)).every((point) => point.spendCents === 0)).toBe(true);
    const detail = await campaignPerformance(bob.id, mine.id, last28, TODAY);
    expect(detail.totals.spendCents).toBe(0);
    expect(detail.ads).toEqual([]);
    const list = await recentPerformance(bob.id, TODAY);
    expect([...list.keys()]).toEqual([theirs.id]);
    expect((await recentPerformance(alice.id, TODAY)).get(mine.id)?.spendCents).toBe(50_000);
  });
});

describe("dailySeries", () => {
  it("has a point for every day (zeros where nothing ran) and marks the last 3 days as settling", async () => {
    const user = await createUser();
    const campaign = await createLaunchedCampaign(user.id);
    await insertDays(user.id, campaign.id, [day("2025-06-25", { spendCents: 1_000, conversions: 2, valueCents: 5_000 }), day("2025-06-30", { spendCents: 250 })]);
    const series = await dailySeries(user.id, all(presetRange("last_7", TODAY)), "USD", TODAY);
    expect(series.map((point) => point.date)).toEqual(["2025-06-24", "2025-06-25", "2025-06-26", "2025-06-27", "2025-06-28", "2025-06-29", "2025-06-30"]);
    expect(series.map((point) => point.spendCents)).toEqual([0, 1_000, 0, 0, 0, 0, 250]);
    expect(series.map((point) => point.settling)).toEqual([false, false, false, false, true, true, true]);
    expect(series[1]).toMatchObject({ cpa: 5, roas: 5 });
    expect(series[0]).toMatchObject({ cpa: null, roas: null });
    expect(series[6]).toMatchObject({ cpa: null, roas: 0 });
  });
});

describe("campaign table", () => {
  it("sorts by any column with missing ratios last in both directions", async () => {
    const user = await createUser();
    const cheap = await createLaunchedCampaign(user.id, { name: "Cheap" });
    const dear = await createLaunchedCampaign(user.id, { name: "Dear" });
    const none = await createLaunchedCampaign(user.id, { name: "No results" });
    await insertDays(user.id, cheap.id, [day("2025-06-20", { spendCents: 1_000, conversions: 10 })]);
    await insertDays(user.id, dear.id, [day("2025-06-20", { spendCents: 9_000, conversions: 3 })]);
    await insertDays(user.id, none.id, [day("2025-06-20", { spendCents: 5_000 })]);
    const rows = await campaignRows(user.id, all(last28), "USD");
    expect(sortRows(rows, "cpa", "asc").map((row) => row.name)).toEqual(["Cheap", "Dear", "No results"]);
    expect(sortRows(rows, "cpa", "desc").map((row) => row.name)).toEqual(["Dear", "Cheap", "No results"]);
    expect(sortRows(rows, "spend", "desc").map((row) => row.name)).toEqual(["Dear", "No results", "Cheap"]);
    expect(sortRows(rows, "name", "desc").map((row) => row.name)).toEqual(["No results", "Dear", "Cheap"]);
    // Filtering by campaign narrows the rows and the totals alike.
    const picked = { range: last28, campaignIds: [cheap.id, dear.id] };
    expect((await kpiSummary(user.id, picked)).current.spendCents).toBe(10_000);
    expect((await campaignRows(user.id, picked, "USD")).length).toBe(2);
  });
});

describe("campaignPerformance", () => {
  it("labels ads by their headline, falling back to Meta's ad id, and sums each ad's days", async () => {
    const user = await createUser();
    const campaign = await createLaunchedCampaign(user.id, { purpose: "lead_generation" });
    const { adAccounts } = await createConnection(user.id, { adAccounts: 1 });
    const [asset] = await db
      .insert(creativeAssets)
      .values({ userId: user.id, assetType: "image", fileUrl: "/x.png", storageKey: `users/${user.id}/x.png`, fileSize: 1, mimeType: "image/png", format: "1:1" })
      .returning();
    await db.insert(campaignAds).values({ campaignId: campaign.id, userId: user.id, assetId: asset!.id, primaryText: "Hi", headline: "Spring sale, 20% off", callToAction: "SHOP_NOW", link: "https://example.test", metaAdId: "ad-1" });
    const base = { adAccountId: adAccounts[0]!.id, userId: user.id, campaignId: campaign.id, metaCampaignId: campaign.metaCampaignId!, metaAdSetId: "set-1" };
    await insertAdDay({ ...base, metaAdId: "ad-1", date: "2025-06-20", spend: "10.10", impressions: 100, clicks: 4, conversions: 2, conversionValue: "30.00" });
    await insertAdDay({ ...base, metaAdId: "ad-1", date: "2025-06-21", spend: "0.03", impressions: 5, clicks: 0, conversions: 0 });
    await insertAdDay({ ...base, metaAdId: "ad-2", date: "2025-06-21", spend: "99.99", impressions: 900, clicks: 9, conversions: 0 });
    await insertAdDay({ ...base, metaAdId: "ad-3", date: "2025-04-01", spend: "5.00" }); // outside the range
    await insertDays(user.id, campaign.id, [day("2025-06-20", { spendCents: 1_010 }), day("2025-06-21", { spendCents: 10_002 })]);

    const result = await campaignPerformance(user.id, campaign.id, last28, TODAY);
    expect(result.ads.map((ad) => [ad.label, ad.spendCents, ad.clicks, ad.cpa])).toEqual([
      ["ad-2", 9_999, 9, null],
      ["Spring sale, 20% off", 1_013, 4, 5.065],
    ]);
    expect(result.totals.spendCents).toBe(11_012);
    expect(result.daily).toHaveLength(28);
  });
});
