import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Secrets for the embedded default: generated once into DATA_DIR and reused, so a
 * newcomer needs no configuration and a restart keeps sessions and encrypted rows
 * readable. Never used when the environment is strict (production).
 */
export type LocalSecrets = {
  authSecret: string;
  encryptionKeys: Array<{ id: string; key: string }>;
  /** The local dispatcher signs job deliveries with these, in QStash's format. */
  qstashSigningKeys: { current: string; next: string };
};

const signingKey = () => `sig_${randomBytes(24).toString("base64url")}`;

let cached: LocalSecrets | undefined;

export function localSecretsPath(): string {
  return path.resolve(env.DATA_DIR, "secrets.json");
}

export function readLocalSecrets(): LocalSecrets {
  if (cached) return cached;
  if (env.strict) throw new Error("Generated local secrets are not allowed in production");
  const file = localSecretsPath();
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>;
    if (!stored.qstashSigningKeys) {
      // Written by an older version: add what is missing, keep everything else.
      stored.qstashSigningKeys = { current: signingKey(), next: signingKey() };
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    cached = stored as LocalSecrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const fresh: LocalSecrets = {
      authSecret: randomBytes(32).toString("base64url"),
      encryptionKeys: [{ id: newKeyId(), key: randomBytes(32).toString("base64") }],
      qstashSigningKeys: { current: signingKey(), next: signingKey() },
    };
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx" so two processes starting at once cannot overwrite each other's secrets.
      writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: "wx" });
      cached = fresh;
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      cached = JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
    }
  }
  return cached!;
}

/** Prepends a new encryption key (it becomes the one that encrypts). */
export function addLocalEncryptionKey(): { id: string } {
  const current = readLocalSecrets();
  const id = newKeyId();
  const next: LocalSecrets = {
    ...current,
    encryptionKeys: [{ id, key: randomBytes(32).toString("base64") }, ...current.encryptionKeys],
  };
  writeFileSync(localSecretsPath(), JSON.stringify(next, null, 2), { mode: 0o600 });
  cached = next;
  return { id };
}

export function newKeyId(): string {
  // Sortable and short: the date it was made plus a random suffix.
  return `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}${randomBytes(3).toString("hex")}`;
}

export function authSecret(): string {
  return env.AUTH_SECRET ?? readLocalSecrets().authSecret;
}

/** Keys that sign (locally) and verify (always) job deliveries. */
export function qstashSigningKeys(): { current: string; next: string } {
  if (env.QSTASH_CURRENT_SIGNING_KEY && env.QSTASH_NEXT_SIGNING_KEY) {
    return { current: env.QSTASH_CURRENT_SIGNING_KEY, next: env.QSTASH_NEXT_SIGNING_KEY };
  }
  return readLocalSecrets().qstashSigningKeys;
}
