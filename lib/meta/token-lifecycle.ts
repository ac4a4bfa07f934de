import "server-only";
import { and, asc, eq, inArray, lt, lte } from "drizzle-orm";
import { db } from "@/db";
import { metaAccounts, type MetaAccount } from "@/db/schema";
import { decryptSecret, DecryptionError, encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { recordAudit } from "@/lib/audit";
import { logger } from "@/lib/observability/logger";
import { metaEndpoints } from "./config";
import { markNeedsReconnect } from "./connections";
import { MetaApiError } from "./errors";
import { extendToken, inspectToken } from "./oauth";

export type LifecycleReport = { checked: number; renewed: number; needsReconnect: number; failed: number };

/** Connections per job step: a step must finish well inside one function invocation. */
export const LIFECYCLE_BATCH = 50;

const tokenOf = (row: MetaAccount) => decryptSecret(row.accessToken, secretContext("meta_accounts.access_token", row.id));

/**
 * Runs `check` on each connection. A token Meta refuses, or one AdPilot can no
 * longer decrypt, marks that connection for reconnect (never retried in a loop);
 * other errors are counted and thrown at the end so the job step retries, which
 * only revisits what is still due.
 */
async function forEachConnection(rows: MetaAccount[], check: (row: MetaAccount) => Promise<"ok" | "renewed" | "invalid">): Promise<LifecycleReport> {
  const report: LifecycleReport = { checked: 0, renewed: 0, needsReconnect: 0, failed: 0 };
  let lastError: unknown;
  for (const row of rows) {
    report.checked++;
    try {
      const outcome = await check(row);
      if (outcome === "renewed") report.renewed++;
      if (outcome === "invalid") {
        await markNeedsReconnect(row.id, "Meta no longer accepts AdPilot's access. Reconnect to continue.", row.accessToken);
        report.needsReconnect++;
      }
    } catch (error) {
      if (error instanceof DecryptionError) {
        logger.error("stored Meta token cannot be decrypted", { metaAccountId: row.id, error });
        await markNeedsReconnect(row.id, "AdPilot can no longer read its stored access. Reconnect to continue.", row.accessToken);
        report.needsReconnect++;
      } else if (error instanceof MetaApiError && (error.kind === "auth" || error.kind === "permission")) {
        await markNeedsReconnect(row.id, error.userMessage, row.accessToken);
        report.needsReconnect++;
      } else {
        report.failed++;
        lastError = error;
        logger.warn("Meta token check failed", { metaAccountId: row.id, error });
      }
    }
  }
  if (lastError) throw lastError;
  return report;
}

const activeWith = (ids: string[]) => db.select().from(metaAccounts).where(and(inArray(metaAccounts.id, ids), eq(metaAccounts.status, "active")));

/** Active connections whose token expires within `withinDays`. */
export async function connectionsDueForRenewal(now = new Date(), withinDays = 10): Promise<string[]> {
  const rows = await db
    .select({ id: metaAccounts.id })
    .from(metaAccounts)
    .where(and(eq(metaAccounts.status, "active"), lte(metaAccounts.tokenExpiresAt, new Date(now.getTime() + withinDays * 86_400_000))))
    .orderBy(asc(metaAccounts.id));
  return rows.map((row) => row.id);
}

export async function activeConnectionIds(): Promise<string[]> {
  const rows = await db.select({ id: metaAccounts.id }).from(metaAccounts).where(eq(metaAccounts.status, "active")).orderBy(asc(metaAccounts.id));
  return rows.map((row) => row.id);
}

/** Re-extends these tokens while they are still valid (Meta has no refresh tokens; this is the refresh). */
export async function renewConnections(ids: string[], now = new Date()): Promise<LifecycleReport> {
  if (ids.length === 0) return { checked: 0, renewed: 0, needsReconnect: 0, failed: 0 };
  return forEachConnection(await activeWith(ids), async (row) => {
    const renewed = await extendToken(metaEndpoints(row.userId).graphUrl, tokenOf(row));
    await db
      .update(metaAccounts)
      .set({
        accessToken: encryptSecret(renewed.accessToken, secretContext("meta_accounts.access_token", row.id)),
        tokenExpiresAt: renewed.expiresAt,
        lastCheckedAt: now,
      })
      // Only if nobody stored a newer token (a reconnect) while Meta answered.
      .where(and(eq(metaAccounts.id, row.id), eq(metaAccounts.accessToken, row.accessToken)));
    return "renewed";
  });
}

/** Asks Meta about each token: permissions and expiry refreshed, invalid ones marked. */
export async function validateConnections(ids: string[], now = new Date()): Promise<LifecycleReport> {
  if (ids.length === 0) return { checked: 0, renewed: 0, needsReconnect: 0, failed: 0 };
  return forEachConnection(await activeWith(ids), async (row) => {
    const info = await inspectToken(metaEndpoints(row.userId).graphUrl, tokenOf(row));
    if (!info.isValid) return "invalid";
    await db
      .update(metaAccounts)
      .set({ permissions: info.scopes, tokenExpiresAt: info.expiresAt, dataAccessExpiresAt: info.dataAccessExpiresAt, lastCheckedAt: now })
      .where(and(eq(metaAccounts.id, row.id), eq(metaAccounts.accessToken, row.accessToken)));
    return "ok";
  });
}

/**
 * Cleanup: a connection that has needed reconnecting (or was revoked) for 90 days
 * holds a token Meta will never accept again (data access lapses after 90 days),
 * so it is deleted, token and all, and the deletion audited.
 */
export async function removeRevokedConnections(now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(metaAccounts)
      .where(and(inArray(metaAccounts.status, ["revoked", "reconnect_required"]), lt(metaAccounts.updatedAt, new Date(now.getTime() - 90 * 86_400_000))))
      .returning({ id: metaAccounts.id, userId: metaAccounts.userId });
    for (const row of removed) {
      await recordAudit(tx, { userId: row.userId, action: "meta.cleanup", entityType: "meta_account", entityId: row.id, before: { reason: "not reconnected for 90 days" } });
    }
    return removed.length;
  });
}

export async function renewExpiringTokens(now = new Date(), withinDays = 10): Promise<LifecycleReport> {
  return renewConnections(await connectionsDueForRenewal(now, withinDays), now);
}

export async function validateTokens(now = new Date()): Promise<LifecycleReport & { removed: number }> {
  const report = await validateConnections(await activeConnectionIds(), now);
  return { ...report, removed: await removeRevokedConnections(now) };
}
