import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseKey, userFileKey } from "./keys";
import { LocalFileStorage } from "./local-store";

const owner = randomUUID();

describe("storage keys", () => {
  it("accepts a user's file key and names its owner", () => {
    const key = userFileKey(owner, "images", "hero.png");
    expect(parseKey(key)).toEqual({ ownerId: owner, key, extension: "png" });
  });

  it.each([
    `users/${owner}/../other/secret.png`,
    `users/${owner}/images/..png`,
    `users/not-a-uuid/images/a.png`,
    `system/${owner}/images/a.png`,
    `users/${owner}/a.png`,
    `users/${owner}/images/a.exe`,
    `users/${owner}/images//a.png`,
    `users/${owner}/images/%2e%2e.png`,
    `users/${owner}/images/.hidden.png`,
  ])("rejects %s", (key) => {
    expect(parseKey(key)).toBeNull();
  });
});

describe("local file storage", () => {
  const store = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "adpilot-blob-")));

  it("stores, streams back and deletes a file", async () => {
    const key = userFileKey(owner, "images", `${randomUUID()}.png`);
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    expect(await store.put(key, bytes, "image/png")).toEqual({ key, size: 7, contentType: "image/png" });

    const file = await store.get(key);
    expect(file).toMatchObject({ size: 7, contentType: "image/png" });
    expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(bytes);

    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("answers null for missing or malformed keys and refuses to write outside its root", async () => {
    expect(await store.get(userFileKey(owner, "images", "missing.png"))).toBeNull();
    expect(await store.get("../../etc/passwd")).toBeNull();
    await expect(store.put(`users/${owner}/../../escape.png`, new Uint8Array([1]), "image/png")).rejects.toThrow(/Invalid storage key/);
  });
});
