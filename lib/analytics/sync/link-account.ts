import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { campaigns, metaAdAccounts } from "@/db/schema";
import { PURPOSE_BY_OBJECTIVE, type SeededAccount } from "./seed-emulator";

/**
 * A seeded emulator account in AdPilot, for the sync's tests and benches: a
 * connected ad account row, and a campaign row for every Meta campaign except
 * the last (which stands for one made outside AdPilot).
 */
export async function linkAccount(userId: string, metaAccountId: string, seeded: SeededAccount): Promise<{ adAccountRowId: string; campaignIds: Map<string, string> }> {
  const [row] = await db
    .insert(metaAdAccounts)
    .values({
      userId,
      metaAccountId,
      adAccountId: `act_${seeded.accountId}`,
      name: `Seeded ${seeded.accountId}`,
      currency: seeded.currency,
      timezone: seeded.timezone,
      accountStatus: 1,
      connected: true,
    })
    .returning({ id: metaAdAccounts.id });
  const ours = new Map<string, string>();
  for (const campaign of seeded.tree.campaigns.slice(0, -1)) {
    const id = randomUUID();
    await db.insert(campaigns).values({
      id,
      userId,
      metaAccountId,
      adAccountId: `act_${seeded.accountId}`,
      metaCampaignId: campaign.id,
      name: campaign.name ?? campaign.id,
      purpose: PURPOSE_BY_OBJECTIVE[campaign.objective]!,
      status: "active",
      currency: seeded.currency,
      launchState: "launched",
    });
    ours.set(campaign.id, id);
  }
  return { adAccountRowId: row!.id, campaignIds: ours };
}
