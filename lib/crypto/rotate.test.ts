import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { metaAccounts, users } from "@/db/schema";
import { createUser } from "@/tests/support/tenancy";
import { secretContext } from "./encrypted-columns";
import { createKeyRing } from "./key-ring";
import { rotateSecrets } from "./rotate";
import { decryptWith, encryptWith, keyIdOf } from "./secret-box";

const key = () => randomBytes(32).toString("base64");

describe("key rotation", () => {
  it("re-encrypts every stored token under the new key, and can be re-run", async () => {
    const oldKey = key();
    const before = createKeyRing([{ id: "old", key: oldKey }]);
    const user = await createUser();
    const ids: string[] = [];
    // More rows than one batch, so the batching path is exercised.
    for (let i = 0; i < 205; i++) {
      const [row] = await db
        .insert(metaAccounts)
        .values({ userId: user.id, metaUserId: `fb-${i}`, accessToken: "pending" })
        .returning({ id: metaAccounts.id });
      const id = row!.id;
      ids.push(id);
      await db
        .update(metaAccounts)
        .set({
          accessToken: encryptWith(before, `EAAB-token-${i}`, secretContext("meta_accounts.access_token", id)),
          refreshToken: i % 2 === 0 ? encryptWith(before, `refresh-${i}`, secretContext("meta_accounts.refresh_token", id)) : null,
        })
        .where(eq(metaAccounts.id, id));
    }

    const after = createKeyRing([{ id: "new", key: key() }, { id: "old", key: oldKey }]);
    const report = await rotateSecrets(db, after, { onlyUserId: user.id });
    expect(report).toEqual([
      { column: "meta_accounts.access_token", rotated: 205 },
      { column: "meta_accounts.refresh_token", rotated: 103 },
    ]);

    // Only the new key is needed from now on.
    const onlyNew = createKeyRing([{ id: "new", key: after.keys.get("new")!.toString("base64") }]);
    const rows = await db.select().from(metaAccounts).where(eq(metaAccounts.userId, user.id));
    expect(rows).toHaveLength(205);
    for (const row of rows) {
      const index = ids.indexOf(row.id);
      expect(keyIdOf(row.accessToken)).toBe("new");
      expect(decryptWith(onlyNew, row.accessToken, secretContext("meta_accounts.access_token", row.id))).toBe(`EAAB-token-${index}`);
      if (index % 2 === 0) expect(decryptWith(onlyNew, row.refreshToken!, secretContext("meta_accounts.refresh_token", row.id))).toBe(`refresh-${index}`);
      else expect(row.refreshToken).toBeNull();
    }

    expect(await rotateSecrets(db, after, { onlyUserId: user.id })).toEqual([
      { column: "meta_accounts.access_token", rotated: 0 },
      { column: "meta_accounts.refresh_token", rotated: 0 },
    ]);
    // These rows are under a test-only key; other suites sharing a Postgres database must not meet them.
    await db.delete(users).where(eq(users.id, user.id));
  });
});
