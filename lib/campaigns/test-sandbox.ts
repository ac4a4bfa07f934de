/**
 * Test helpers: the Meta sandbox as the app mounts it, served on a random port,
 * and a stored connection to it for a test user. Each user gets their own
 * sandbox world (its scope), so a test can remove a pixel or an audience from
 * one user's world without touching another's.
 *
 * The tests point lib/meta/config's metaEndpoints at the served sandbox with
 * vi.mock; the fixed port in vitest.config.ts belongs to
 * the connect-flow test, which may run at the same time.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts, type MetaAdAccount } from "@/db/schema";
import { SANDBOX, seedSandbox, type GraphStore } from "@/emulators/meta-graph";
import { encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { metaConfig, SANDBOX_GRAPH_PATH, sandboxScope } from "@/lib/meta/config";
import { handleSandboxRequest } from "@/lib/meta/sandbox/mount";
import { createPostgresGraphStore } from "@/lib/meta/sandbox/postgres-store";
import { serve } from "@/tests/support/serve";

export const ALL_SCOPES = ["ads_management", "ads_read", "business_management", "pages_show_list", "pages_read_engagement"];

export async function startSandbox(): Promise<{ url: string; close(): Promise<void> }> {
  return serve((request) => {
    const scope = new URL(request.url).pathname.slice(SANDBOX_GRAPH_PATH.length + 1).split("/")[0] ?? "";
    return handleSandboxRequest(request, scope);
  });
}

export type SandboxConnection = {
  metaAccountId: string;
  /** The user's sandbox world, to add or remove Meta objects. */
  store: GraphStore;
  usd: MetaAdAccount;
  eur: MetaAdAccount;
};

/**
 * What a completed Facebook Login leaves behind, without the consent round trip:
 * a long-lived sandbox token for Sam, the encrypted connection and both of Sam's
 * ad accounts switched on (USD act_2000000000000001, EUR act_2000000000000002).
 */
export async function connectSandbox(userId: string, options: { scopes?: string[] } = {}): Promise<SandboxConnection> {
  const store = createPostgresGraphStore(db, sandboxScope(userId));
  if (!(await store.get("users", SANDBOX.sam.userId))) await seedSandbox(store);
  const token = `EAAB${randomBytes(60).toString("hex")}`;
  const now = Date.now();
  await store.put("tokens", {
    id: token,
    appId: metaConfig().appId,
    userId: SANDBOX.sam.userId,
    scopes: options.scopes ?? ALL_SCOPES,
    kind: "long",
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 60 * 86_400_000).toISOString(),
    dataAccessExpiresAt: new Date(now + 90 * 86_400_000).toISOString(),
  });

  const metaAccountId = randomUUID();
  await db.insert(metaAccounts).values({
    id: metaAccountId,
    userId,
    metaUserId: SANDBOX.sam.userId,
    name: SANDBOX.sam.name,
    accessToken: encryptSecret(token, secretContext("meta_accounts.access_token", metaAccountId)),
    tokenExpiresAt: new Date(now + 60 * 86_400_000),
    permissions: options.scopes ?? ALL_SCOPES,
    adAccountIds: [`act_${SANDBOX.sam.adAccountId}`, `act_${SANDBOX.sam.eurAdAccountId}`],
    sandbox: true,
    pages: [{ id: SANDBOX.sam.pageId, name: "Sam's Sandbox Shop" }],
  });
  const account = async (id: string, name: string, currency: string, isDefault: boolean) => {
    const [row] = await db
      .insert(metaAdAccounts)
      .values({ userId, metaAccountId, adAccountId: `act_${id}`, name, currency, timezone: "America/Los_Angeles", accountStatus: 1, connected: true, isDefault })
      .returning();
    return row!;
  };
  return {
    metaAccountId,
    store,
    usd: await account(SANDBOX.sam.adAccountId, "Sam Sandbox Ads (USD)", "USD", true),
    eur: await account(SANDBOX.sam.eurAdAccountId, "Sam Sandbox Ads (EUR)", "EUR", false),
  };
}
