// Makes a new encryption key. Embedded default: adds it to DATA_DIR/secrets.json as
// the current key. Production: prints an ENCRYPTION_KEYS entry to put first.
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { addLocalEncryptionKey, newKeyId } from "@/lib/local-secrets";

if (env.ENCRYPTION_KEYS) {
  const entry = `${newKeyId()}:${randomBytes(32).toString("base64")}`;
  console.log("Put this entry first in ENCRYPTION_KEYS, keep the existing ones after it, deploy, then run npm run keys:rotate:");
  console.log(`${entry},${env.ENCRYPTION_KEYS.split(",")[0]!.split(":")[0]}:…`);
} else {
  const { id } = addLocalEncryptionKey();
  console.log(`Added local key ${id}; new secrets use it. Run npm run keys:rotate to re-encrypt existing ones.`);
}
