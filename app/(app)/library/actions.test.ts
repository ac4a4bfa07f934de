import { eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { creativeAssets } from "@/db/schema";
import { storeAsset } from "@/lib/creatives/store-asset";
import { actAs, createTenants } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { deleteAssetAction, setTagsAction } = await import("./actions");

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

describe("library actions", () => {
  it("edit and delete only the signed-in user's assets", async () => {
    const { alice, bob } = await createTenants();
    const id = await storeAsset({
      id: crypto.randomUUID(),
      userId: alice.id,
      assetType: "image",
      source: "uploaded",
      bytes: await sharp({ create: { width: 20, height: 20, channels: 3, background: "#fff" } }).png().toBuffer(),
      mimeType: "image/png",
      format: "1:1",
      width: 20,
      height: 20,
      tags: ["mine"],
    });

    actAs(bob);
    expect(await setTagsAction({ status: "idle" }, form({ id, tags: "hijacked" }))).toMatchObject({ status: "error" });
    const refused = await deleteAssetAction(form({ id })).catch((error: { url: string }) => error.url);
    expect(refused).toMatch(/^\/library\?error=/);
    expect((await db.select().from(creativeAssets).where(eq(creativeAssets.id, id)))[0]!.tags).toEqual(["mine"]);

    actAs(alice);
    expect(await setTagsAction({ status: "idle" }, form({ id, tags: "Summer, summer, promo" }))).toMatchObject({ values: { tags: "summer, promo" } });
    // Found by fuzzing: a NUL in a tag failed the update (PostgreSQL refuses it); control characters are not part of a label.
    expect(await setTagsAction({ status: "idle" }, form({ id, tags: "sum\u0000mer, \u0007promo" }))).toMatchObject({ values: { tags: "sum mer, promo" } });
    expect(await deleteAssetAction(form({ id })).catch((error: { url: string }) => error.url)).toBe("/library?deleted=1");
    expect(await db.select().from(creativeAssets).where(eq(creativeAssets.id, id))).toHaveLength(0);
  });
});
