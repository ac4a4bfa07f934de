import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring";

/**
 * AES-256-GCM for secrets at rest (Meta tokens and the like).
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id
 * travels with the ciphertext so old rows stay readable after a new key is added.
 * `context` is bound as additional authenticated data: a ciphertext copied to
 * another row or column fails to decrypt instead of leaking a token across tenants.
 */
const VERSION = "v1";
const IV_BYTES = 12;

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`Could not decrypt secret: ${reason}`);
    this.name = "DecryptionError";
  }
}

export function encryptWith(ring: KeyRing, plaintext: string, context: string): string {
  const key = ring.keys.get(ring.currentId)!;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ring.currentId, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptWith(ring: KeyRing, stored: string, context: string): string {
  const parts = stored.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("unrecognised format");
  const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
  const key = ring.keys.get(keyId);
  if (!key) throw new DecryptionError(`key "${keyId}" is not in the key ring`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    // GCM's tag check failed: the ciphertext, tag or context was altered.
    throw new DecryptionError("integrity check failed");
  }
}

export function keyIdOf(stored: string): string | undefined {
  const parts = stored.split(".");
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}
