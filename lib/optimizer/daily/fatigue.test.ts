import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { adInsightsDaily, campaignAds, campaigns, metaAccounts, metaAdAccounts, optimizerRecommendations } from "@/db/schema";
import { addDays } from "@/lib/analytics/sync/window";
import { createUser } from "@/tests/support/tenancy";
import { storeAsset } from "@/lib/campaigns/launch/test-fixtures";
import { dismissRecommendation } from "./apply";
import { fatigueOf, recommendFreshCreatives } from "./fatigue";

const TODAY = "2026-03-20";
/** 21 days of one ad: CTR 2% the first week, `lateCtr` the last, daily frequency from 1.2 rising to `lateFrequency`. */
function days(lateCtr: number, lateFrequency: number) {
  return Array.from({ length: 21 }, (_, index) => {
    const late = index >= 14;
    const impressions = 4000;
    const frequency = late ? lateFrequency : 1.2 + index * 0.05;
    return { date: addDays(TODAY, -21 + index), impressions, reach: Math.round(impressions / frequency), clicks: Math.round(impressions * (late ? lateCtr : 0.02)) };
  });
}

describe("creative fatigue", () => {
  it("flags frequency past 3 with CTR down at least 20% from the ad's own first week, and nothing else", () => {
    expect(fatigueOf(days(0.015, 3.4), TODAY)).toEqual({ frequency: 3.4, baselineCtr: 0.02, recentCtr: 0.015 });
    // Seen as often but still clicked: not tired.
    expect(fatigueOf(days(0.0175, 3.4), TODAY)).toBeNull();
    // Clicked less, but not by the same people over and over: a weaker ad, not a tired one.
    expect(fatigueOf(days(0.01, 2.5), TODAY)).toBeNull();
    // Too little to judge.
    expect(fatigueOf(days(0.01, 3.4).slice(-10), TODAY)).toBeNull();
    expect(fatigueOf(days(0.01, 3.4).map((day) => ({ ...day, impressions: 100, clicks: 1 })), TODAY)).toBeNull();
  });

  it("raises one warning per tired ad, not again while it is open, and stays quiet after a dismissal", async () => {
    const user = await createUser();
    const [connection] = await db.insert(metaAccounts).values({ userId: user.id, metaUserId: "1", accessToken: "unused" }).returning();
    const [account] = await db
      .insert(metaAdAccounts)
      .values({ userId: user.id, metaAccountId: connection!.id, adAccountId: "act_9", name: "Shop", currency: "USD", timezone: "UTC", accountStatus: 1, connected: true })
      .returning();
    const [campaign] = await db
      .insert(campaigns)
      .values({ userId: user.id, name: "Spring", purpose: "sales", status: "active", adAccountId: "act_9", metaCampaignId: "77", launchState: "launched" })
      .returning();
    const assetId = await storeAsset(user.id, "image", Buffer.from("png"));
    const [ad] = await db
      .insert(campaignAds)
      .values({ campaignId: campaign!.id, userId: user.id, assetId, primaryText: "Hi", headline: "Fresh bread <daily>", callToAction: "SHOP_NOW", link: "https://x.example", metaAdId: "88" })
      .returning();
    const now = new Date(`${TODAY}T12:00:00Z`);
    await db.insert(adInsightsDaily).values(
      days(0.012, 3.6).map((day) => ({ ...day, adAccountId: account!.id, userId: user.id, metaAdId: "88", campaignId: campaign!.id, metaCampaignId: "77", metaAdSetId: "66" })),
    );

    expect(await recommendFreshCreatives(user.id, now)).toBe(1);
    expect(await recommendFreshCreatives(user.id, now)).toBe(0);
    const [warning] = await db.select().from(optimizerRecommendations).where(eq(optimizerRecommendations.userId, user.id));
    expect(warning).toMatchObject({ kind: "fatigue", campaignId: campaign!.id, status: "open", fatigue: { assetId, campaignAdId: ad!.id, frequency: 3.6 } });
    expect(warning!.explanation).toMatch(/“Fresh bread <daily>” about 3\.6 times a day .* down 40% from its earlier level/);

    expect(await dismissRecommendation(user.id, warning!.id)).toBe(true);
    expect(await recommendFreshCreatives(user.id, now)).toBe(0);
    // Without the dismissal it would be raised again; with the optimizer off it is not.
    await db.delete(optimizerRecommendations).where(eq(optimizerRecommendations.userId, user.id));
    await db.update(campaigns).set({ optimizerMode: "off" }).where(eq(campaigns.id, campaign!.id));
    expect(await recommendFreshCreatives(user.id, now)).toBe(0);
    await db.update(campaigns).set({ optimizerMode: "recommend" }).where(eq(campaigns.id, campaign!.id));
    expect(await recommendFreshCreatives(user.id, now)).toBe(1);
  });
});
