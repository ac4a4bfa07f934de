import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaignAssets, campaigns, type CampaignDraft } from "@/db/schema";
import { recordAudit } from "@/lib/audit";

const upcoming = (date: Date | null, now: Date) => (date && date.getTime() > now.getTime() ? date : null);
const upcomingText = (value: string | undefined, now: Date) => (value && new Date(value).getTime() > now.getTime() ? value : undefined);

/** The wizard state of the copy: same choices, dates that have passed dropped, opened at the review step. */
function copiedDraft(draft: CampaignDraft, now: Date): CampaignDraft {
  if (!draft.budget) return { ...draft, step: "review" };
  const { startTime, endTime, ...budget } = draft.budget;
  const start = upcomingText(startTime, now);
  const end = upcomingText(endTime, now);
  return { ...draft, step: "review", budget: { ...budget, ...(start ? { startTime: start } : {}), ...(end ? { endTime: end } : {}) } };
}

/**
 * A new draft with the same purpose, audience, promoted setup, budget and ads,
 * named "Copy of …", with nothing of the original's Meta objects. Null when the
 * campaign is not the user's.
 */
export async function duplicateCampaign(userId: string, campaignId: string): Promise<{ id: string } | null> {
  return db.transaction(async (tx) => {
    const [original] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)));
    if (!original) return null;
    const now = new Date();
    const [copy] = await tx
      .insert(campaigns)
      .values({
        userId,
        metaAccountId: original.metaAccountId,
        adAccountId: original.adAccountId,
        name: `Copy of ${original.name}`.slice(0, 255),
        purpose: original.purpose,
        status: "draft",
        dailyBudget: original.dailyBudget,
        totalBudget: original.totalBudget,
        currency: original.currency,
        draft: copiedDraft(original.draft, now),
        audience: original.audience,
        promoted: original.promoted,
        startTime: upcoming(original.startTime, now),
        endTime: upcoming(original.endTime, now),
      })
      .returning({ id: campaigns.id });
    const ads = await tx.select().from(campaignAds).where(eq(campaignAds.campaignId, original.id)).orderBy(asc(campaignAds.position), asc(campaignAds.createdAt));
    if (ads.length > 0) {
      await tx.insert(campaignAds).values(
        ads.map((ad) => ({
          campaignId: copy!.id,
          userId,
          assetId: ad.assetId,
          position: ad.position,
          primaryText: ad.primaryText,
          headline: ad.headline,
          description: ad.description,
          callToAction: ad.callToAction,
          link: ad.link,
        })),
      );
    }
    const assets = await tx.select({ assetId: campaignAssets.assetId }).from(campaignAssets).where(eq(campaignAssets.campaignId, original.id));
    if (assets.length > 0) await tx.insert(campaignAssets).values(assets.map((asset) => ({ campaignId: copy!.id, assetId: asset.assetId })));
    await recordAudit(tx, { userId, action: "campaign.duplicate", entityType: "campaign", entityId: copy!.id, before: { sourceId: original.id }, after: { name: `Copy of ${original.name}`.slice(0, 255), ads: ads.length } });
    return { id: copy!.id };
  });
}
