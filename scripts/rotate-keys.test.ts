import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, db } from "@/db";
import { metaAccounts } from "@/db/schema";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { createKeyRing } from "@/lib/crypto/key-ring";
import { decryptWith, encryptWith, keyIdOf } from "@/lib/crypto/secret-box";
import { createUser } from "@/tests/support/tenancy";

const ROOT = path.resolve(import.meta.dirname, "..");
const key = () => randomBytes(32).toString("base64");

/** `npm run keys:rotate -- --user <id>` as an operator runs it: its own process, its own environment. */
async function rotate(keys: string, userId: string): Promise<{ code: number; output: string }> {
  // PGlite is single-process: hand the directory over, reopen it after.
  await closeDb();
  try {
    const { stdout, stderr } = await promisify(execFile)(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/rotate-keys.ts", "--user", userId],
      { cwd: ROOT, env: { ...process.env, ENCRYPTION_KEYS: keys } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run keys:rotate", () => {
  it("re-encrypts a user's Meta tokens under the new key, is a no-op the second time, and fails cleanly without the old key", async () => {
    const oldKey = key();
    const newKey = key();
    const before = createKeyRing([{ id: "old", key: oldKey }]);
    const user = await createUser();
    const [row] = await db.insert(metaAccounts).values({ userId: user.id, metaUserId: "fb-rotate", accessToken: "pending" }).returning({ id: metaAccounts.id });
    const context = secretContext("meta_accounts.access_token", row!.id);
    await db.update(metaAccounts).set({ accessToken: encryptWith(before, "EAAB-rotate-me", context) }).where(eq(metaAccounts.id, row!.id));
    const stored = async () => (await db.select({ token: metaAccounts.accessToken }).from(metaAccounts).where(eq(metaAccounts.id, row!.id)))[0]!.token;

    const first = await rotate(`new:${newKey},old:${oldKey}`, user.id);
    expect(first.code).toBe(0);
    expect(first.output).toContain("meta_accounts.access_token: 1 re-encrypted with key new");
    const rotated = await stored();
    expect(keyIdOf(rotated)).toBe("new");
    expect(decryptWith(createKeyRing([{ id: "new", key: newKey }]), rotated, context)).toBe("EAAB-rotate-me");

    const again = await rotate(`new:${newKey},old:${oldKey}`, user.id);
    expect(again.output).toContain("meta_accounts.access_token: 0 re-encrypted with key new");
    expect(await stored()).toBe(rotated);

    // The key that encrypted the row was dropped too early: a clear failure, the row untouched.
    const missing = await rotate(`newer:${key()}`, user.id);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("Key rotation failed:");
    expect(await stored()).toBe(rotated);
  }, 60_000);
});
