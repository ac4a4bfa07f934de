import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { db } from "@/db";
import { campaigns, performanceAnalytics, type CampaignPurpose } from "@/db/schema";
import { fromDecimalString } from "@/lib/money";
import type { AccountHistory } from "./estimates";

/** Recent enough to describe today's auction; old enough to hold a few campaigns. */
const LOOKBACK_DAYS = 90;

/**
 * The user's own delivery on one ad account for one purpose over the last 90
 * days, summed from performance_analytics. Only this user's campaigns count:
 * another AdPilot user on the same ad account has history of their own. Null
 * when there are no rows.
 */
export async function accountHistory(
  userId: string,
  scope: { adAccountId: string; purpose: CampaignPurpose; currency: string },
  now = new Date(),
): Promise<AccountHistory | null> {
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [totals] = await db
    .select({
      days: sql<number>`count(*)::int`,
      impressions: sql<string>`coalesce(sum(${performanceAnalytics.impressions}), 0)::text`,
      reach: sql<string>`coalesce(sum(${performanceAnalytics.reach}), 0)::text`,
      clicks: sql<string>`coalesce(sum(${performanceAnalytics.clicks}), 0)::text`,
      conversions: sql<string>`coalesce(sum(${performanceAnalytics.conversions}), 0)::text`,
      spend: sql<string>`coalesce(sum(${performanceAnalytics.spend}), 0)::numeric(14,2)::text`,
    })
    .from(performanceAnalytics)
    .innerJoin(campaigns, eq(campaigns.id, performanceAnalytics.campaignId))
    .where(
      and(
        eq(performanceAnalytics.userId, userId),
        eq(campaigns.userId, userId),
        eq(campaigns.adAccountId, scope.adAccountId),
        eq(campaigns.purpose, scope.purpose),
        // Spend in another currency (an account whose currency changed) cannot be added up with this one.
        eq(campaigns.currency, scope.currency),
        gte(performanceAnalytics.date, since),
      ),
    );
  if (!totals || totals.days === 0) return null;
  return {
    impressions: Number(totals.impressions),
    reach: Number(totals.reach),
    clicks: Number(totals.clicks),
    conversions: Number(totals.conversions),
    spend: fromDecimalString(totals.spend, scope.currency),
  };
}
