import "server-only";
import { and, eq, lt, lte } from "drizzle-orm";
import { db } from "@/db";
import { metaAccounts, type MetaAccount } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { logger } from "@/lib/observability/logger";
import { markNeedsReconnect } from "./connections";
import { MetaApiError } from "./errors";
import { metaEndpoints } from "./config";
import { extendToken, inspectToken } from "./oauth";

export type LifecycleReport = { checked: number; renewed: number; needsReconnect: number; failed: number };

const tokenOf = (row: MetaAccount) => decryptSecret(row.accessToken, secretContext("meta_accounts.access_token", row.id));

/**
 * Runs `check` on each connection; an auth error marks that one for reconnect
 * (never retried in a loop), other errors are counted and thrown at the end so
 * the job step retries, which only revisits connections still due.
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
        await markNeedsReconnect(row.id, "Meta no longer accepts AdPilot's access. Reconnect to continue.");
        report.needsReconnect++;
      }
    } catch (error) {
      if (error instanceof MetaApiError && (error.kind === "auth" || error.kind === "permission")) {
        await markNeedsReconnect(row.id, error.userMessage);
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

/** Daily: re-extends tokens that expire within `withinDays` while they are still valid. */
export async function renewExpiringTokens(now = new Date(), withinDays = 10): Promise<LifecycleReport> {
  const due = await db
    .select()
    .from(metaAccounts)
    .where(and(eq(metaAccounts.status, "active"), lte(metaAccounts.tokenExpiresAt, new Date(now.getTime() + withinDays * 86_400_000))));
  return forEachConnection(due, async (row) => {
    const renewed = await extendToken(metaEndpoints(row.userId).graphUrl, tokenOf(row));
    await db
      .update(metaAccounts)
      .set({
        accessToken: encryptSecret(renewed.accessToken, secretContext("meta_accounts.access_token", row.id)),
        tokenExpiresAt: renewed.expiresAt,
        lastCheckedAt: now,
      })
      .where(eq(metaAccounts.id, row.id));
    return "renewed";
  });
}

/** Monthly: asks Meta about every active token, and clears out connections revoked long ago. */
export async function validateTokens(now = new Date()): Promise<LifecycleReport & { removed: number }> {
  const active = await db.select().from(metaAccounts).where(eq(metaAccounts.status, "active"));
  const report = await forEachConnection(active, async (row) => {
    const info = await inspectToken(metaEndpoints(row.userId).graphUrl, tokenOf(row));
    if (!info.isValid) return "invalid";
    await db
      .update(metaAccounts)
      .set({ permissions: info.scopes, tokenExpiresAt: info.expiresAt, dataAccessExpiresAt: info.dataAccessExpiresAt, lastCheckedAt: now })
      .where(eq(metaAccounts.id, row.id));
    return "ok";
  });
  const removed = await db
    .delete(metaAccounts)
    .where(and(eq(metaAccounts.status, "revoked"), lt(metaAccounts.updatedAt, new Date(now.getTime() - 30 * 86_400_000))))
    .returning({ id: metaAccounts.id });
  return { ...report, removed: removed.length };
}
