// Re-encrypts every stored secret with the newest key in the ring.
// Usage: put the new key first in ENCRYPTION_KEYS (keep the old ones after it),
// deploy, run `npm run keys:rotate`, then drop the old keys once it reports 0 left.
// `npm run keys:rotate -- --user <id>` rotates one user's secrets first, to try a
// new key on an internal account before the whole table.
import { z } from "zod";
import { closeDb, db } from "@/db";
import { configuredKeyRing } from "@/lib/crypto/key-ring";
import { rotateSecrets } from "@/lib/crypto/rotate";

function onlyUserId(args: string[]): string | undefined {
  const at = args.indexOf("--user");
  if (at === -1) return undefined;
  const id = z.string().uuid().safeParse(args[at + 1]);
  if (!id.success) throw new Error("--user needs a user id (a UUID).");
  return id.data;
}

try {
  const ring = configuredKeyRing();
  const report = await rotateSecrets(db, ring, { onlyUserId: onlyUserId(process.argv.slice(2)) });
  for (const { column, rotated } of report) console.log(`${column}: ${rotated} re-encrypted with key ${ring.currentId}`);
} catch (error) {
  console.error("Key rotation failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
