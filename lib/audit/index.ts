import "server-only";
import type { Queryable } from "@/db";
import { auditLog, type AuditEntry } from "@/db/schema";

/**
 * Appends to the audit log. Pass the transaction that made the change so the
 * entry and the change commit or roll back together.
 */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
