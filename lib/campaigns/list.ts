import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { campaigns, type Campaign } from "@/db/schema";
import { campaignRows, type CampaignRow } from "@/lib/analytics/queries";
import { presetRange, todayUtc } from "@/lib/analytics/range";
import { fromDecimalString } from "@/lib/money";

/** A campaign's budget as the wizard saved it (minor units), or from the DECIMAL columns once launched. */
export function budgetOf(campaign: Campaign): { kind: "daily" | "lifetime"; amount: number } | null {
  if (campaign.draft.budget) return { kind: campaign.draft.budget.kind, amount: campaign.draft.budget.amount };
  if (campaign.dailyBudget) return { kind: "daily", amount: fromDecimalString(campaign.dailyBudget, campaign.currency) };
  if (campaign.totalBudget) return { kind: "lifetime", amount: fromDecimalString(campaign.totalBudget, campaign.currency) };
  return null;
}

export async function listCampaigns(userId: string): Promise<Campaign[]> {
  return db.select().from(campaigns).where(eq(campaigns.userId, userId)).orderBy(desc(campaigns.updatedAt));
}

export async function getCampaign(userId: string, campaignId: string): Promise<Campaign | null> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)));
  return row ?? null;
}

/**
 * Each campaign's last 28 days (spend, results, CPA, ROAS) for the list, keyed
 * by campaign id; a campaign without rows in that window is absent. Every row
 * is in its own campaign's currency, so no currencies are mixed.
 */
export async function recentPerformance(userId: string, today: string = todayUtc()): Promise<Map<string, CampaignRow>> {
  const rows = await campaignRows(userId, { range: presetRange("last_28", today), campaignIds: [] }, null);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Whether every one of these campaign ids is the user's (ids are checked together with the owner, never alone). */
export async function ownsCampaigns(userId: string, campaignIds: string[]): Promise<boolean> {
  const unique = [...new Set(campaignIds)];
  if (unique.length === 0) return true;
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(campaigns)
    .where(and(eq(campaigns.userId, userId), inArray(campaigns.id, unique)));
  return row?.count === unique.length;
}
