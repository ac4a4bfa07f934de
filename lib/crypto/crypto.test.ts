import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isStale } from "./index";
import { createKeyRing, parseKeyRing } from "./key-ring";
import { DecryptionError, decryptWith, encryptWith, keyIdOf } from "./secret-box";

const key = () => randomBytes(32).toString("base64");
const context = "meta_accounts.access_token:row-1";

describe("secret box", () => {
  const ring = createKeyRing([{ id: "k1", key: key() }]);

  it("round-trips unicode and long tokens", () => {
    for (const plaintext of ["EAAB-token", "ünïcødé ✓", "x".repeat(10_000), ""]) {
      expect(decryptWith(ring, encryptWith(ring, plaintext, context), context)).toBe(plaintext);
    }
  });

  it("never produces the same ciphertext twice and never contains the plaintext", () => {
    const a = encryptWith(ring, "EAABsecret", context);
    const b = encryptWith(ring, "EAABsecret", context);
    expect(a).not.toBe(b);
    expect(a).not.toContain("EAABsecret");
    expect(keyIdOf(a)).toBe("k1");
  });

  it("detects any change to ciphertext, tag, iv or key id", () => {
    const stored = encryptWith(ring, "EAABsecret", context);
    const parts = stored.split(".");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 0x01;
      tampered[index] = bytes.toString("base64url");
      expect(() => decryptWith(ring, tampered.join("."), context)).toThrow(DecryptionError);
    }
    expect(() => decryptWith(ring, stored.replace(".k1.", ".k9."), context)).toThrow(/not in the key ring/);
    expect(() => decryptWith(ring, "not-a-secret", context)).toThrow(/unrecognised format/);
  });

  it("refuses a ciphertext moved to another row or column", () => {
    const stored = encryptWith(ring, "EAABsecret", context);
    expect(() => decryptWith(ring, stored, "meta_accounts.access_token:row-2")).toThrow(/integrity/);
  });

  it("decrypts with old keys after rotation and encrypts with the newest", () => {
    const oldKey = key();
    const before = createKeyRing([{ id: "old", key: oldKey }]);
    const stored = encryptWith(before, "EAABsecret", context);
    const after = createKeyRing([{ id: "new", key: key() }, { id: "old", key: oldKey }]);
    expect(decryptWith(after, stored, context)).toBe("EAABsecret");
    expect(keyIdOf(encryptWith(after, "EAABsecret", context))).toBe("new");
  });
});

describe("key ring configuration", () => {
  it("parses ENCRYPTION_KEYS and keeps the first key current", () => {
    const ring = parseKeyRing(`b:${key()}, a:${key()}`);
    expect(ring.currentId).toBe("b");
    expect([...ring.keys.keys()]).toEqual(["b", "a"]);
  });

  it("rejects short keys, bad ids, duplicates and an empty ring", () => {
    expect(() => parseKeyRing(`a:${randomBytes(16).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`bad id:${key()}`)).toThrow(/letters, digits/);
    expect(() => parseKeyRing(`a:${key()},a:${key()}`)).toThrow(/twice/);
    expect(() => parseKeyRing(" , ")).toThrow(/at least one key/);
    expect(() => parseKeyRing("nocolon")).toThrow(/id:base64key/);
  });

  it("generates and reuses a local key in the embedded default", () => {
    const stored = encryptSecret("EAABlocal", context);
    expect(decryptSecret(stored, context)).toBe("EAABlocal");
    expect(isStale(stored)).toBe(false);
  });
});
