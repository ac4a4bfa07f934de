import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts } from "@/db/schema";

export type AdAccountOption = { adAccountId: string; metaAccountId: string; name: string; currency: string; isDefault: boolean; sandbox: boolean };

/** The ad accounts a user manages (connected in Settings, on an active connection), default first. */
export async function adAccountOptions(userId: string): Promise<AdAccountOption[]> {
  const rows = await db
    .select({
      adAccountId: metaAdAccounts.adAccountId,
      metaAccountId: metaAdAccounts.metaAccountId,
      name: metaAdAccounts.name,
      currency: metaAdAccounts.currency,
      isDefault: metaAdAccounts.isDefault,
      sandbox: metaAccounts.sandbox,
    })
    .from(metaAdAccounts)
    .innerJoin(metaAccounts, eq(metaAccounts.id, metaAdAccounts.metaAccountId))
    .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true), eq(metaAccounts.status, "active")))
    .orderBy(asc(metaAdAccounts.name));
  return rows.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}
