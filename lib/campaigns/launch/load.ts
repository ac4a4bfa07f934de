import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaigns, creativeAssets, metaAccounts, type Campaign, type CampaignAd, type CreativeAsset } from "@/db/schema";
import { PermanentJobError } from "@/lib/jobs/errors";

export type LaunchAd = CampaignAd & {
  asset: Pick<CreativeAsset, "id" | "assetType" | "storageKey" | "mimeType">;
  /** 1-based, in the order the marketer arranged the ads; part of the ad's name tag on Meta. */
  number: number;
};

export type LaunchPlan = {
  campaign: Campaign & { metaAccountId: string; adAccountId: string };
  ads: LaunchAd[];
};

/**
 * The campaign and its ads as the launch reads them. Called at the start of
 * every delivery: the list of ads (and so the step names) does not change
 * while a launch runs, since the wizard is closed once it starts.
 */
export async function loadLaunchPlan(campaignId: string): Promise<LaunchPlan> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new PermanentJobError("This campaign no longer exists.");
  const [connection] = campaign.metaAccountId
    ? await db
        .select({ id: metaAccounts.id })
        .from(metaAccounts)
        .where(and(eq(metaAccounts.id, campaign.metaAccountId), eq(metaAccounts.userId, campaign.userId)))
    : [];
  // The connection must be the campaign owner's own: never launch with someone else's token.
  if (!connection || !campaign.metaAccountId || !campaign.adAccountId) throw new PermanentJobError("Choose a connected Meta ad account for this campaign, then launch again.");
  const rows = await db
    .select({ ad: campaignAds, asset: { id: creativeAssets.id, assetType: creativeAssets.assetType, storageKey: creativeAssets.storageKey, mimeType: creativeAssets.mimeType } })
    .from(campaignAds)
    .innerJoin(creativeAssets, eq(creativeAssets.id, campaignAds.assetId))
    .where(eq(campaignAds.campaignId, campaignId))
    .orderBy(asc(campaignAds.position), asc(campaignAds.createdAt), asc(campaignAds.id));
  if (rows.length === 0) throw new PermanentJobError("Add at least one ad to this campaign, then launch again.");
  return {
    campaign: { ...campaign, metaAccountId: campaign.metaAccountId, adAccountId: campaign.adAccountId },
    ads: rows.map((row, index) => ({ ...row.ad, asset: row.asset, number: index + 1 })),
  };
}

/** The row as it is now: ids recorded by an earlier step or an earlier run. */
export async function currentCampaign(campaignId: string): Promise<Campaign> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new PermanentJobError("This campaign no longer exists.");
  return campaign;
}

export async function currentAd(adId: string): Promise<CampaignAd> {
  const [ad] = await db.select().from(campaignAds).where(eq(campaignAds.id, adId));
  if (!ad) throw new PermanentJobError("An ad of this campaign was removed while it was launching.");
  return ad;
}
