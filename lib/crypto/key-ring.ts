import { env } from "@/lib/env";
import { readLocalSecrets } from "@/lib/local-secrets";

export type KeyRing = {
  /** The id of the key that encrypts; always the first one configured. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
};

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Builds a ring from ordered (id, base64 key) pairs; the first pair encrypts. */
export function createKeyRing(entries: ReadonlyArray<{ id: string; key: string }>): KeyRing {
  if (entries.length === 0) throw new Error("An encryption key ring needs at least one key");
  const keys = new Map<string, Buffer>();
  for (const { id, key } of entries) {
    if (!KEY_ID.test(id)) throw new Error(`Encryption key id "${id}" must be 1-32 letters, digits, - or _`);
    if (keys.has(id)) throw new Error(`Encryption key id "${id}" appears twice`);
    const bytes = Buffer.from(key, "base64");
    if (bytes.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes, base64-encoded`);
    keys.set(id, bytes);
  }
  return { currentId: entries[0]!.id, keys };
}

/** Parses ENCRYPTION_KEYS: "id:base64key,id:base64key". */
export function parseKeyRing(value: string): KeyRing {
  return createKeyRing(
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf(":");
        if (at < 1) throw new Error('ENCRYPTION_KEYS entries look like "id:base64key"');
        return { id: part.slice(0, at), key: part.slice(at + 1) };
      }),
  );
}

let configured: KeyRing | undefined;

/** The ring from the environment, or the generated local one in the embedded default. */
export function configuredKeyRing(): KeyRing {
  configured ??= env.ENCRYPTION_KEYS
    ? parseKeyRing(env.ENCRYPTION_KEYS)
    : createKeyRing(readLocalSecrets().encryptionKeys);
  return configured;
}

/** Forget the cached ring (after `keys:new` writes a local key). */
export function resetConfiguredKeyRing(): void {
  configured = undefined;
}
