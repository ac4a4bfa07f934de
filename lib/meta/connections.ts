import "server-only";
import { and, asc, count, eq, notInArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { db, type Transaction } from "@/db";
import { metaAccounts, metaAdAccounts, users, type MetaAccount } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { tierLimits } from "@/lib/auth/tiers";
import type { SubscriptionTier } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { metaConfig, metaEndpoints, REQUIRED_SCOPES } from "./config";
import { MetaApiError } from "./errors";
import { GraphApi } from "./graph-api";
import { exchangeCode, extendToken, inspectToken } from "./oauth";
import { consumeOAuthState } from "./oauth-state";
import { fetchMetaProfile, type MetaProfile } from "./profile";

/**
 * Serialises a user's ad-account changes (connect, toggles, default) so two
 * concurrent requests cannot both see room under the plan's limit.
 */
async function lockUser(tx: Transaction, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

export type ConnectResult =
  | { ok: true; metaAccountId: string; connectedAdAccounts: number; availableAdAccounts: number }
  | { ok: false; error: "invalid_state" | "missing_permissions" | "no_ad_accounts" | "meta_error"; missing?: string[]; message?: string };

/** A Graph API client for one stored connection, decrypting its token only now. */
export function graphApiFor(connection: Pick<MetaAccount, "id" | "userId" | "accessToken">): GraphApi {
  const token = decryptSecret(connection.accessToken, secretContext("meta_accounts.access_token", connection.id));
  return new GraphApi(token, { graphUrl: metaEndpoints(connection.userId).graphUrl, appSecret: metaConfig().appSecret });
}

/**
 * Finishes the Facebook Login round trip: checks the state, exchanges the code
 * for a long-lived token, checks the granted permissions, reads the profile and
 * stores it all in one transaction. Nothing is written unless every step succeeded.
 */
export async function completeConnection(input: {
  userId: string;
  tier: SubscriptionTier;
  code: string;
  state: string | null;
}): Promise<ConnectResult> {
  const state = await consumeOAuthState(input.state, input.userId);
  if (!state.ok) return { ok: false, error: "invalid_state" };
  try {
    const { graphUrl } = metaEndpoints(input.userId);
    const shortLived = await exchangeCode(graphUrl, input.code);
    const longLived = await extendToken(graphUrl, shortLived.accessToken);
    const info = await inspectToken(graphUrl, longLived.accessToken);
    const missing = REQUIRED_SCOPES.filter((scope) => !info.scopes.includes(scope));
    if (!info.isValid || missing.length > 0) return { ok: false, error: "missing_permissions", missing: [...missing] };

    const profile = await fetchMetaProfile(new GraphApi(longLived.accessToken, { graphUrl, appSecret: metaConfig().appSecret }));
    if (profile.adAccounts.length === 0) return { ok: false, error: "no_ad_accounts" };
    return await saveConnection(input.userId, input.tier, profile, {
      accessToken: longLived.accessToken,
      expiresAt: info.expiresAt ?? longLived.expiresAt,
      dataAccessExpiresAt: info.dataAccessExpiresAt,
      scopes: info.scopes,
    });
  } catch (error) {
    if (error instanceof MetaApiError) return { ok: false, error: "meta_error", message: error.userMessage };
    throw error;
  }
}

async function saveConnection(
  userId: string,
  tier: SubscriptionTier,
  profile: MetaProfile,
  token: { accessToken: string; expiresAt: Date | null; dataAccessExpiresAt: Date | null; scopes: string[] },
): Promise<ConnectResult> {
  const limit = tierLimits(tier).connectedAdAccounts;
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const [existing] = await tx
      .select()
      .from(metaAccounts)
      .where(and(eq(metaAccounts.userId, userId), eq(metaAccounts.metaUserId, profile.userId)))
      .for("update");
    // The id is known before the insert so the token can be encrypted bound to its row.
    const id = existing?.id ?? randomUUID();
    const values = {
      name: profile.name,
      accessToken: encryptSecret(token.accessToken, secretContext("meta_accounts.access_token", id)),
      tokenExpiresAt: token.expiresAt,
      dataAccessExpiresAt: token.dataAccessExpiresAt,
      permissions: token.scopes,
      adAccountIds: profile.adAccounts.map((account) => account.adAccountId),
      pages: profile.pages,
      status: "active" as const,
      statusReason: null,
      sandbox: metaConfig().mode === "sandbox",
      lastCheckedAt: new Date(),
    };
    if (existing) await tx.update(metaAccounts).set(values).where(eq(metaAccounts.id, id));
    else await tx.insert(metaAccounts).values({ id, userId, metaUserId: profile.userId, ...values });

    const [{ n: alreadyConnected } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(metaAdAccounts)
      .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true)));
    const hasDefault = (await tx.select({ id: metaAdAccounts.id }).from(metaAdAccounts).where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.isDefault, true)))).length > 0;

    // Accounts seen before keep the user's choice (a reconnect must not switch back on what they switched off).
    const known = new Set(
      (await tx.select({ adAccountId: metaAdAccounts.adAccountId }).from(metaAdAccounts).where(eq(metaAdAccounts.userId, userId))).map((row) => row.adAccountId),
    );
    let room = Math.max(0, limit - alreadyConnected);
    let connected = 0;
    for (const account of profile.adAccounts) {
      const [row] = await tx
        .insert(metaAdAccounts)
        .values({ userId, metaAccountId: id, ...account })
        .onConflictDoUpdate({
          target: [metaAdAccounts.userId, metaAdAccounts.adAccountId],
          set: { metaAccountId: id, name: account.name, currency: account.currency, timezone: account.timezone, accountStatus: account.accountStatus },
        })
        .returning();
      // New, active accounts are switched on while the plan has room; the first becomes the default.
      if (row && !known.has(account.adAccountId) && account.accountStatus === 1 && room > 0) {
        await tx
          .update(metaAdAccounts)
          .set({ connected: true, isDefault: !hasDefault && connected === 0 })
          .where(eq(metaAdAccounts.id, row.id));
        room--;
        connected++;
      }
    }
    // Accounts this login can no longer reach stop being managed (and stop counting against the plan).
    const reachable = profile.adAccounts.map((account) => account.adAccountId);
    const lost = await tx
      .update(metaAdAccounts)
      .set({ connected: false, isDefault: false })
      .where(and(eq(metaAdAccounts.metaAccountId, id), notInArray(metaAdAccounts.adAccountId, reachable), eq(metaAdAccounts.connected, true)))
      .returning({ id: metaAdAccounts.id });
    await recordAudit(tx, {
      userId,
      action: existing ? "meta.reconnect" : "meta.connect",
      entityType: "meta_account",
      entityId: id,
      after: { metaUserId: profile.userId, adAccounts: profile.adAccounts.length, scopes: token.scopes, sandbox: values.sandbox, noLongerReachable: lost.length },
    });
    return { ok: true, metaAccountId: id, connectedAdAccounts: alreadyConnected + connected - lost.length, availableAdAccounts: profile.adAccounts.length };
  });
}

/** Any 190 anywhere lands here: the connection stops being used until the user reconnects. */
export async function markNeedsReconnect(metaAccountId: string, reason: string, failedToken?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(metaAccounts)
      .set({ status: "reconnect_required", statusReason: reason, lastCheckedAt: new Date() })
      .where(
        and(
          eq(metaAccounts.id, metaAccountId),
          eq(metaAccounts.status, "active"),
          // A reconnect that stored a new token meanwhile wins over a failure of the old one.
          failedToken ? eq(metaAccounts.accessToken, failedToken) : undefined,
        ),
      )
      .returning({ userId: metaAccounts.userId });
    if (row) await recordAudit(tx, { userId: row.userId, action: "meta.needs_reconnect", entityType: "meta_account", entityId: metaAccountId, after: { reason } });
  });
}

/** Deletes the connection and its token; its ad accounts go with it. */
export async function disconnectMeta(userId: string, metaAccountId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(metaAccounts)
      .where(and(eq(metaAccounts.id, metaAccountId), eq(metaAccounts.userId, userId)))
      .returning({ id: metaAccounts.id, metaUserId: metaAccounts.metaUserId });
    if (!row) return false;
    await recordAudit(tx, { userId, action: "meta.disconnect", entityType: "meta_account", entityId: row.id, before: { metaUserId: row.metaUserId } });
    return true;
  });
}

export type AdAccountChange = { ok: true } | { ok: false; error: "not_found" | "limit_reached" | "inactive" };

/** Switches an ad account on or off for AdPilot, within the plan's limit. */
export async function setAdAccountConnected(userId: string, tier: SubscriptionTier, id: string, connected: boolean): Promise<AdAccountChange> {
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const [row] = await tx.select().from(metaAdAccounts).where(and(eq(metaAdAccounts.id, id), eq(metaAdAccounts.userId, userId))).for("update");
    if (!row) return { ok: false, error: "not_found" };
    if (connected && !row.connected) {
      if (row.accountStatus !== 1) return { ok: false, error: "inactive" };
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(metaAdAccounts)
        .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true)));
      if (n >= tierLimits(tier).connectedAdAccounts) return { ok: false, error: "limit_reached" };
    }
    await tx
      .update(metaAdAccounts)
      .set({ connected, isDefault: connected ? row.isDefault : false })
      .where(eq(metaAdAccounts.id, id));
    if (!connected && row.isDefault) {
      // Someone must stay the default while any account is managed: the next one takes over.
      const [next] = await tx
        .select({ id: metaAdAccounts.id })
        .from(metaAdAccounts)
        .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true)))
        .orderBy(asc(metaAdAccounts.name))
        .limit(1);
      if (next) await tx.update(metaAdAccounts).set({ isDefault: true }).where(eq(metaAdAccounts.id, next.id));
    }
    await recordAudit(tx, { userId, action: connected ? "ad_account.connect" : "ad_account.disconnect", entityType: "ad_account", entityId: row.adAccountId });
    return { ok: true };
  });
}

export async function setDefaultAdAccount(userId: string, id: string): Promise<AdAccountChange> {
  return db.transaction(async (tx) => {
    await lockUser(tx, userId);
    const [row] = await tx.select().from(metaAdAccounts).where(and(eq(metaAdAccounts.id, id), eq(metaAdAccounts.userId, userId))).for("update");
    if (!row) return { ok: false, error: "not_found" };
    if (!row.connected) return { ok: false, error: "inactive" };
    await tx.update(metaAdAccounts).set({ isDefault: false }).where(eq(metaAdAccounts.userId, userId));
    await tx.update(metaAdAccounts).set({ isDefault: true }).where(eq(metaAdAccounts.id, id));
    return { ok: true };
  });
}

export type ConnectionView = {
  id: string;
  name: string;
  sandbox: boolean;
  status: MetaAccount["status"];
  statusReason: string | null;
  expiresInDays: number | null;
  lastCheckedAt: string | null;
  adAccounts: Array<{ id: string; adAccountId: string; name: string; currency: string; connected: boolean; isDefault: boolean; active: boolean }>;
};

/** What Settings shows: never tokens. */
export async function listConnections(userId: string): Promise<ConnectionView[]> {
  const [connections, accounts] = await Promise.all([
    db.select().from(metaAccounts).where(eq(metaAccounts.userId, userId)).orderBy(asc(metaAccounts.createdAt)),
    db.select().from(metaAdAccounts).where(eq(metaAdAccounts.userId, userId)).orderBy(asc(metaAdAccounts.name)),
  ]);
  return connections.map((connection) => ({
    id: connection.id,
    name: connection.name ?? "Facebook user",
    sandbox: connection.sandbox,
    status: connection.status,
    statusReason: connection.statusReason,
    expiresInDays: connection.tokenExpiresAt ? Math.max(0, Math.floor((connection.tokenExpiresAt.getTime() - Date.now()) / 86_400_000)) : null,
    lastCheckedAt: connection.lastCheckedAt?.toISOString() ?? null,
    adAccounts: accounts
      .filter((account) => account.metaAccountId === connection.id)
      .map((account) => ({
        id: account.id,
        adAccountId: account.adAccountId,
        name: account.name,
        currency: account.currency,
        connected: account.connected,
        isDefault: account.isDefault,
        active: account.accountStatus === 1,
      })),
  }));
}

/** How many of the user's connections need them to reconnect (drives the app-wide banner). */
export async function connectionsNeedingReconnect(userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(metaAccounts)
    .where(and(eq(metaAccounts.userId, userId), eq(metaAccounts.status, "reconnect_required")));
  return row?.n ?? 0;
}
