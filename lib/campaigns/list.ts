import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaigns, type Campaign } from "@/db/schema";
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
