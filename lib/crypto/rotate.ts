import "server-only";
import { and, asc, eq, gt, isNotNull, notLike } from "drizzle-orm";
import type { Database } from "@/db";
import { ENCRYPTED_COLUMNS, secretContext } from "./encrypted-columns";
import type { KeyRing } from "./key-ring";
import { decryptWith, encryptWith } from "./secret-box";

export type RotationReport = Array<{ column: string; rotated: number }>;

const BATCH = 200;

/**
 * Re-encrypts every stored secret not yet under the ring's current key. Runs in
 * batches, each in its own transaction with the rows locked, so it can be
 * interrupted and re-run safely and never holds a long lock.
 */
export async function rotateSecrets(db: Database, ring: KeyRing, options: { onlyUserId?: string } = {}): Promise<RotationReport> {
  const report: RotationReport = [];
  const currentPrefix = `v1.${ring.currentId}.%`;
  for (const spec of ENCRYPTED_COLUMNS) {
    let rotated = 0;
    let after = "";
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: spec.id, value: spec.column })
          .from(spec.table)
          .where(
            and(
              isNotNull(spec.column),
              notLike(spec.column, currentPrefix),
              gt(spec.id, after || "00000000-0000-0000-0000-000000000000"),
              // One user's rows only: tests share a database with other suites.
              options.onlyUserId ? eq(spec.owner, options.onlyUserId) : undefined,
            ),
          )
          .orderBy(asc(spec.id))
          .limit(BATCH)
          .for("update");
        for (const row of rows) {
          const context = secretContext(spec.name, row.id);
          const plaintext = decryptWith(ring, row.value!, context);
          await tx
            .update(spec.table)
            .set({ [spec.field]: encryptWith(ring, plaintext, context) })
            .where(eq(spec.id, row.id));
        }
        rotated += rows.length;
        after = rows.at(-1)?.id ?? after;
        return rows.length < BATCH;
      });
      if (done) break;
    }
    report.push({ column: spec.name, rotated });
  }
  return report;
}
