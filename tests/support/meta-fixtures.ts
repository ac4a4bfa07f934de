import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";

/** A stored Meta connection with ad accounts, as the connect flow leaves it. */
export async function createConnection(userId: string, options: { metaUserId?: string; adAccounts?: number; connected?: number } = {}) {
  const id = randomUUID();
  const metaUserId = options.metaUserId ?? `fb-${randomUUID().slice(0, 8)}`;
  await db.insert(metaAccounts).values({
    id,
    userId,
    metaUserId,
    name: "Sam Sandbox",
    accessToken: encryptSecret(`EAAB-${randomUUID()}`, secretContext("meta_accounts.access_token", id)),
    tokenExpiresAt: new Date(Date.now() + 50 * 86_400_000),
    permissions: ["ads_management", "ads_read"],
  });
  const rows = [];
  for (let index = 0; index < (options.adAccounts ?? 2); index++) {
    const [row] = await db
      .insert(metaAdAccounts)
      .values({
        userId,
        metaAccountId: id,
        adAccountId: `act_${Math.floor(Math.random() * 1e12)}`,
        name: `Account ${index + 1}`,
        currency: "USD",
        timezone: "America/New_York",
        accountStatus: 1,
        connected: index < (options.connected ?? 1),
        isDefault: index === 0,
      })
      .returning();
    rows.push(row!);
  }
  return { id, metaUserId, adAccounts: rows };
}
