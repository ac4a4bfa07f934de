import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { campaigns, performanceAnalytics, type CampaignPurpose } from "@/db/schema";
import { createUser } from "@/tests/support/tenancy";
import { accountHistory } from "./account-history";
import { estimateResults } from "./estimates";

const ACCOUNT = "act_2000000000000001";
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function campaignWithRows(
  userId: string,
  options: { purpose?: CampaignPurpose; adAccountId?: string; currency?: string },
  rows: Array<{ date: string; impressions: number; reach: number; clicks: number; spend: string; conversions: number }>,
) {
  const [campaign] = await db
    .insert(campaigns)
    .values({ userId, name: "Past", purpose: options.purpose ?? "sales", adAccountId: options.adAccountId ?? ACCOUNT, currency: options.currency ?? "USD", status: "completed" })
    .returning();
  if (rows.length > 0) await db.insert(performanceAnalytics).values(rows.map((row) => ({ ...row, userId, campaignId: campaign!.id })));
  return campaign!;
}

describe("estimates", () => {
  it("uses the purpose's benchmark rates without history, scaled into the account's currency", () => {
    const usd = estimateResults({ purpose: "sales", currency: "USD", budget: { kind: "daily", amount: 2000, days: 10 } });
    expect(usd).toEqual({
      basis: "benchmark",
      spend: 20000,
      impressions: { low: 11111, high: 25000 },
      reach: { low: 4444, high: 20833 },
      clicks: { low: 100, high: 450 },
      conversions: { low: 1, high: 18 },
      cpa: { low: 1111, high: 20000 },
      resultName: "purchases",
    });
    // ¥3,000 a day is about $20: the same reach for the money, costs in yen.
    const jpy = estimateResults({ purpose: "sales", currency: "JPY", budget: { kind: "lifetime", amount: 30000, days: 10 } });
    expect(jpy).toMatchObject({ basis: "benchmark", spend: 30000, impressions: { low: 11111, high: 25000 }, cpa: { low: 1667, high: 30000 } });
  });

  it("has no results or cost per result where the result is reach, and nothing for an unknown currency", () => {
    const awareness = estimateResults({ purpose: "brand_awareness", currency: "EUR", budget: { kind: "daily", amount: 1000, days: 7 } });
    expect(awareness).toMatchObject({ basis: "benchmark", conversions: null, cpa: null, resultName: null });
    expect(awareness!.reach.high).toBeGreaterThan(awareness!.reach.low);
    expect(estimateResults({ purpose: "sales", currency: "XAF", budget: { kind: "daily", amount: 1000, days: 7 } })).toBeNull();
  });

  it("follows the account's own history of this purpose when there is enough of it", async () => {
    const user = await createUser();
    const other = await createUser();
    const day = { impressions: 10_000, reach: 8_000, clicks: 200, spend: "50.00", conversions: 10 };
    await campaignWithRows(user.id, {}, [
      { ...day, date: daysAgo(1) },
      { ...day, date: daysAgo(2) },
      // Too old to describe today's auction.
      { ...day, spend: "900.00", date: daysAgo(120) },
    ]);
    // None of these are this user's sales history on this account.
    await campaignWithRows(user.id, { purpose: "lead_generation" }, [{ ...day, spend: "900.00", date: daysAgo(1) }]);
    await campaignWithRows(user.id, { adAccountId: "act_2000000000000002", currency: "EUR" }, [{ ...day, spend: "900.00", date: daysAgo(1) }]);
    await campaignWithRows(other.id, {}, [{ ...day, spend: "900.00", date: daysAgo(1) }]);

    const history = await accountHistory(user.id, { adAccountId: ACCOUNT, purpose: "sales", currency: "USD" });
    expect(history).toEqual({ impressions: 20_000, reach: 16_000, clicks: 400, conversions: 20, spend: 10_000 });

    // CPM $5, CTR 2 %, 5 % of clicks buy, seen 1.25 times a day; ±20 % for a new campaign.
    expect(estimateResults({ purpose: "sales", currency: "USD", budget: { kind: "daily", amount: 2000, days: 10 }, history })).toEqual({
      basis: "history",
      spend: 20000,
      impressions: { low: 33333, high: 50000 },
      reach: { low: 17778, high: 40000 },
      clicks: { low: 533, high: 1200 },
      conversions: { low: 21, high: 72 },
      cpa: { low: 278, high: 952 },
      resultName: "purchases",
    });

    // Twice the cost per impression in the rows halves what the same budget buys.
    await campaignWithRows(user.id, {}, [{ ...day, impressions: 0, reach: 0, clicks: 0, conversions: 0, spend: "100.00", date: daysAgo(3) }]);
    const pricier = estimateResults({ purpose: "sales", currency: "USD", budget: { kind: "daily", amount: 2000, days: 10 }, history: await accountHistory(user.id, { adAccountId: ACCOUNT, purpose: "sales", currency: "USD" }) });
    expect(pricier).toMatchObject({ basis: "history", impressions: { low: 16667, high: 25000 } });
  });

  it("falls back to benchmarks when the history is too thin or missing", async () => {
    const user = await createUser();
    expect(await accountHistory(user.id, { adAccountId: ACCOUNT, purpose: "sales", currency: "USD" })).toBeNull();
    await campaignWithRows(user.id, {}, [{ date: daysAgo(1), impressions: 500, reach: 400, clicks: 50, spend: "5.00", conversions: 5 }]);
    const thin = await accountHistory(user.id, { adAccountId: ACCOUNT, purpose: "sales", currency: "USD" });
    expect(thin).toMatchObject({ impressions: 500 });
    expect(estimateResults({ purpose: "sales", currency: "USD", budget: { kind: "daily", amount: 2000, days: 10 }, history: thin })?.basis).toBe("benchmark");
  });
});
