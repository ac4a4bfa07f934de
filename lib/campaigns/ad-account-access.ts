import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { metaAdAccounts, type MetaAdAccount } from "@/db/schema";

/**
 * The user's managed ad account, or null: not theirs, not switched on in
 * Settings, or reached through another connection than the one named. Callers
 * answer null with "not found", so another user's account ids cannot be probed.
 */
export async function findOwnedAdAccount(
  userId: string,
  ids: { adAccountId: string; metaAccountId?: string | null },
  tx: Queryable = db,
): Promise<MetaAdAccount | null> {
  const [row] = await tx
    .select()
    .from(metaAdAccounts)
    .where(
      and(
        eq(metaAdAccounts.userId, userId),
        eq(metaAdAccounts.adAccountId, ids.adAccountId),
        eq(metaAdAccounts.connected, true),
        ids.metaAccountId ? eq(metaAdAccounts.metaAccountId, ids.metaAccountId) : undefined,
      ),
    );
  return row ?? null;
}
