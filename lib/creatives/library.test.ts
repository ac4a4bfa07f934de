import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { campaignAssets, campaigns, creativeAssets } from "@/db/schema";
import { storage } from "@/lib/storage";
import { createTenants, createUser } from "@/tests/support/tenancy";
import { deleteAsset, libraryFilters, listAssets, PAGE_SIZE, setTags } from "./library";
import { storeAsset } from "./store-asset";

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3366ff" } }).png().toBuffer();
}

async function addAsset(userId: string, overrides: Partial<Parameters<typeof storeAsset>[0]> = {}) {
  return storeAsset({
    id: randomUUID(),
    userId,
    assetType: "image",
    source: "generated",
    bytes: await png(108, 108),
    mimeType: "image/png",
    format: "1:1",
    width: 108,
    height: 108,
    prompt: "Sourdough loaves on a wooden table",
    style: "bold",
    tags: ["bakery"],
    ...overrides,
  });
}

const filters = (input: Record<string, string> = {}) => libraryFilters.parse(input);

describe("asset library", () => {
  it("finds assets by tag, prompt and headline, case-insensitively, and only the owner's", async () => {
    const { alice, bob } = await createTenants();
    const tagged = await addAsset(alice.id, { tags: ["summer sale", "instagram"], prompt: "Beach towels" });
    const byHeadline = await addAsset(alice.id, { prompt: "Coffee", metadata: { headline: "Morning Roast Club" } });
    await addAsset(bob.id, { tags: ["summer sale"] });

    expect((await listAssets(alice.id, filters({ q: "SUMMER" }))).assets.map((a) => a.id)).toEqual([tagged]);
    expect((await listAssets(alice.id, filters({ q: "towels" }))).assets.map((a) => a.id)).toEqual([tagged]);
    expect((await listAssets(alice.id, filters({ q: "roast club" }))).assets.map((a) => a.id)).toEqual([byHeadline]);
    // LIKE wildcards in the search are literal characters, not patterns.
    expect((await listAssets(alice.id, filters({ q: "%" }))).total).toBe(0);
  });

  it("filters by type, format, style and date, and pages through results", async () => {
    const user = await createUser();
    for (let i = 0; i < PAGE_SIZE + 2; i++) await addAsset(user.id, { style: i % 2 ? "minimal" : "bold" });
    await addAsset(user.id, { format: "9:16", width: 108, height: 192, bytes: await png(108, 192) });

    const first = await listAssets(user.id, filters());
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, pageCount: 2 });
    expect(first.assets).toHaveLength(PAGE_SIZE);
    const second = await listAssets(user.id, filters({ page: "2" }));
    expect(second.assets).toHaveLength(3);
    expect(new Set([...first.assets, ...second.assets].map((a) => a.id)).size).toBe(PAGE_SIZE + 3);

    expect((await listAssets(user.id, filters({ format: "9:16" }))).total).toBe(1);
    expect((await listAssets(user.id, filters({ style: "minimal" }))).total).toBe(13);
    expect((await listAssets(user.id, filters({ type: "video" }))).total).toBe(0);
    await db.update(creativeAssets).set({ createdAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(creativeAssets.format, "9:16"));
    expect((await listAssets(user.id, filters({ since: "30d" }))).total).toBe(PAGE_SIZE + 2);
    // Nonsense in the URL is ignored rather than an error page.
    expect((await listAssets(user.id, filters({ format: "2:1", page: "-4", type: "pdf" }))).total).toBe(PAGE_SIZE + 3);
  });

  it("edits tags only on the owner's assets", async () => {
    const { alice, bob } = await createTenants();
    const id = await addAsset(alice.id);
    expect(await setTags(alice.id, id, "Launch, launch,  Spring Promo ")).toEqual(["launch", "spring promo"]);
    expect(await setTags(bob.id, id, "stolen")).toBeNull();
    expect((await db.select().from(creativeAssets).where(eq(creativeAssets.id, id)))[0]!.tags).toEqual(["launch", "spring promo"]);
  });

  it("deletes the row and its files, but not while a live campaign uses it, and never someone else's", async () => {
    const { alice, bob } = await createTenants();
    const id = await addAsset(alice.id);
    const [asset] = await db.select().from(creativeAssets).where(eq(creativeAssets.id, id));
    expect(await storage().get(asset!.storageKey)).not.toBeNull();

    const [campaign] = await db.insert(campaigns).values({ userId: alice.id, name: "Spring sale", purpose: "sales", status: "active" }).returning();
    await db.insert(campaignAssets).values({ campaignId: campaign!.id, assetId: id });
    expect(await deleteAsset(alice.id, id)).toEqual({ ok: false, reason: "in_use", campaigns: ["Spring sale"] });
    expect(await deleteAsset(bob.id, id)).toEqual({ ok: false, reason: "not_found" });

    await db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.id, campaign!.id));
    expect(await deleteAsset(alice.id, id)).toEqual({ ok: true });
    expect(await db.select().from(creativeAssets).where(eq(creativeAssets.id, id))).toHaveLength(0);
    expect(await db.select().from(campaignAssets).where(eq(campaignAssets.assetId, id))).toHaveLength(0);
    expect(await storage().get(asset!.storageKey)).toBeNull();
    expect(await storage().get(asset!.thumbnailKey!)).toBeNull();
  });

  it("storing the same asset id twice keeps one row (a replayed job step)", async () => {
    const user = await createUser();
    const id = randomUUID();
    await addAsset(user.id, { id });
    await addAsset(user.id, { id });
    expect((await listAssets(user.id, filters())).total).toBe(1);
  });
});
