import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { campaigns, metaAccounts, metaAdAccounts, metaDataDeletions, performanceAnalytics } from "@/db/schema";
import { lockUserAnalytics, refreshUserDaily } from "@/lib/analytics/sync/store-rows";
import { recordAudit } from "@/lib/audit";

/**
 * Removes everything AdPilot holds from one Meta user: their tokens, ad accounts,
 * and the performance data synced from those accounts. Campaign drafts stay (the
 * marketer wrote them) but lose their link to Meta. One transaction.
 */
export async function deleteMetaUserData(metaUserId: string, options: { recordDeletion: boolean }): Promise<{ connections: number; confirmationCode?: string }> {
  return db.transaction(async (tx) => {
    const connections = await tx.select({ id: metaAccounts.id, userId: metaAccounts.userId }).from(metaAccounts).where(eq(metaAccounts.metaUserId, metaUserId));
    const ids = connections.map((connection) => connection.id);
    if (ids.length > 0) {
      const adAccountIds = (await tx.select({ adAccountId: metaAdAccounts.adAccountId }).from(metaAdAccounts).where(inArray(metaAdAccounts.metaAccountId, ids))).map(
        (row) => row.adAccountId,
      );
      if (adAccountIds.length > 0) {
        // Only these users' campaigns: another AdPilot user may manage the same ad account through their own login.
        const owners = [...new Set(connections.map((connection) => connection.userId))];
        const theirs = and(inArray(campaigns.adAccountId, adAccountIds), inArray(campaigns.userId, owners));
        const linked = tx.select({ id: campaigns.id }).from(campaigns).where(theirs);
        for (const owner of owners) await lockUserAnalytics(tx, owner);
        await tx.delete(performanceAnalytics).where(inArray(performanceAnalytics.campaignId, linked));
        // The owners' daily totals are re-derived from what is left, over every day they have.
        for (const owner of owners) await refreshUserDaily(tx, owner, "1900-01-01", "9999-12-31");
        await tx.update(campaigns).set({ metaCampaignId: null, adAccountId: null }).where(theirs);
      }
      await tx.delete(metaAccounts).where(inArray(metaAccounts.id, ids));
      for (const connection of connections) {
        await recordAudit(tx, { userId: connection.userId, action: "meta.deleted_by_meta", entityType: "meta_account", entityId: connection.id, before: { metaUserId } });
      }
    }
    if (!options.recordDeletion) return { connections: ids.length };
    const confirmationCode = randomBytes(12).toString("hex");
    await tx.insert(metaDataDeletions).values({ confirmationCode, metaUserId, status: "completed", deletedConnections: ids.length, completedAt: new Date() });
    return { connections: ids.length, confirmationCode };
  });
}
