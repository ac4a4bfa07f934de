import "server-only";
import { configuredKeyRing } from "./key-ring";
import { decryptWith, encryptWith, keyIdOf } from "./secret-box";

export { DecryptionError } from "./secret-box";
export { createKeyRing, parseKeyRing, type KeyRing } from "./key-ring";

/** Encrypts with the current key; `context` names where the value lives, e.g. "meta_accounts.access_token:<id>". */
export function encryptSecret(plaintext: string, context: string): string {
  return encryptWith(configuredKeyRing(), plaintext, context);
}

export function decryptSecret(stored: string, context: string): string {
  return decryptWith(configuredKeyRing(), stored, context);
}

/** True when a stored value was written with an older key and should be re-encrypted. */
export function isStale(stored: string): boolean {
  return keyIdOf(stored) !== configuredKeyRing().currentId;
}
