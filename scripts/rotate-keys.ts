// Re-encrypts every stored secret with the newest key in the ring.
// Usage: put the new key first in ENCRYPTION_KEYS (keep the old ones after it),
// deploy, run `npm run keys:rotate`, then drop the old keys once it reports 0 left.
import { closeDb, db } from "@/db";
import { configuredKeyRing } from "@/lib/crypto/key-ring";
import { rotateSecrets } from "@/lib/crypto/rotate";

try {
  const ring = configuredKeyRing();
  const report = await rotateSecrets(db, ring);
  for (const { column, rotated } of report) console.log(`${column}: ${rotated} re-encrypted with key ${ring.currentId}`);
} catch (error) {
  console.error("Key rotation failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
