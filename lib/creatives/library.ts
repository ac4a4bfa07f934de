import "server-only";
import { and, count, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { ASSET_FORMATS, campaignAds, campaignAssets, campaigns, creativeAssets, type CreativeAsset } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { logger } from "@/lib/observability/logger";
import { storage } from "@/lib/storage";
import { parseTags } from "./tags";

export const PAGE_SIZE = 24;

/** The library's query string, parsed leniently: a bad value is ignored, never an error page. */
export const libraryFilters = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(["image", "video"]).optional().catch(undefined),
  format: z.enum(ASSET_FORMATS).optional().catch(undefined),
  style: z.string().trim().max(50).optional().catch(undefined),
  source: z.enum(["generated", "uploaded"]).optional().catch(undefined),
  since: z.enum(["7d", "30d", "90d"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type LibraryFilters = z.infer<typeof libraryFilters>;

const DAYS = { "7d": 7, "30d": 30, "90d": 90 } as const;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(userId: string, filters: LibraryFilters, now: Date): SQL {
  const conditions: SQL[] = [eq(creativeAssets.userId, userId)];
  if (filters.type) conditions.push(eq(creativeAssets.assetType, filters.type));
  if (filters.format) conditions.push(eq(creativeAssets.format, filters.format));
  if (filters.style) conditions.push(eq(creativeAssets.style, filters.style));
  if (filters.source) conditions.push(eq(creativeAssets.source, filters.source));
  if (filters.since) conditions.push(gte(creativeAssets.createdAt, new Date(now.getTime() - DAYS[filters.since] * 86_400_000)));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    // Prompt, headline and tags: what a marketer remembers about a creative.
    conditions.push(sql`(${creativeAssets.prompt} ilike ${pattern}
      or ${creativeAssets.metadata}->>'headline' ilike ${pattern}
      or exists (select 1 from unnest(${creativeAssets.tags}) as tag where tag ilike ${pattern}))`);
  }
  return and(...conditions)!;
}

export type LibraryPage = { assets: CreativeAsset[]; total: number; page: number; pageCount: number };

export async function listAssets(userId: string, filters: LibraryFilters, now = new Date()): Promise<LibraryPage> {
  const where = whereOf(userId, filters, now);
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(creativeAssets)
      .where(where)
      .orderBy(desc(creativeAssets.createdAt), desc(creativeAssets.id))
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(creativeAssets).where(where),
  ]);
  const total = totals?.n ?? 0;
  return { assets: rows, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getAsset(userId: string, assetId: string): Promise<CreativeAsset | null> {
  const [row] = await db
    .select()
    .from(creativeAssets)
    .where(and(eq(creativeAssets.id, assetId), eq(creativeAssets.userId, userId)));
  return row ?? null;
}

/** Styles the user has used, for the filter menu. */
export async function usedStyles(userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ style: creativeAssets.style })
    .from(creativeAssets)
    .where(and(eq(creativeAssets.userId, userId), sql`${creativeAssets.style} is not null`));
  return rows.map((row) => row.style!).sort();
}

export async function setTags(userId: string, assetId: string, text: string): Promise<string[] | null> {
  const tags = parseTags(text).slice(0, 20);
  const [row] = await db
    .update(creativeAssets)
    .set({ tags })
    .where(and(eq(creativeAssets.id, assetId), eq(creativeAssets.userId, userId)))
    .returning({ tags: creativeAssets.tags });
  return row?.tags ?? null;
}

export type DeleteResult = { ok: true } | { ok: false; reason: "not_found" } | { ok: false; reason: "in_use"; campaigns: string[] };

/**
 * Deletes the row and then its files. Refused while a live (active or paused)
 * campaign uses the asset; drafts and finished campaigns just lose the link.
 */
export async function deleteAsset(userId: string, assetId: string): Promise<DeleteResult> {
  const outcome = await db.transaction(async (tx): Promise<DeleteResult | { ok: true; asset: CreativeAsset }> => {
    const [asset] = await tx
      .select()
      .from(creativeAssets)
      .where(and(eq(creativeAssets.id, assetId), eq(creativeAssets.userId, userId)))
      .for("update");
    if (!asset) return { ok: false, reason: "not_found" };
    const liveStatuses = inArray(campaigns.status, ["active", "paused"]);
    const live = [
      ...(await tx
        .select({ name: campaigns.name })
        .from(campaignAssets)
        .innerJoin(campaigns, eq(campaigns.id, campaignAssets.campaignId))
        .where(and(eq(campaignAssets.assetId, assetId), liveStatuses))),
      ...(await tx
        .select({ name: campaigns.name })
        .from(campaignAds)
        .innerJoin(campaigns, eq(campaigns.id, campaignAds.campaignId))
        .where(and(eq(campaignAds.assetId, assetId), liveStatuses))),
    ];
    if (live.length > 0) return { ok: false, reason: "in_use", campaigns: [...new Set(live.map((row) => row.name))] };
    await tx.delete(campaignAssets).where(eq(campaignAssets.assetId, assetId));
    await tx.delete(campaignAds).where(eq(campaignAds.assetId, assetId));
    await tx.delete(creativeAssets).where(eq(creativeAssets.id, assetId));
    await recordAudit(tx, { userId, action: "asset.delete", entityType: "creative_asset", entityId: assetId, before: { format: asset.format, type: asset.assetType, storageKey: asset.storageKey } });
    return { ok: true, asset };
  });
  if (!outcome.ok) return outcome;
  if ("asset" in outcome) {
    // After commit: a file left behind by a failed delete is harmless; a row pointing at nothing is not.
    for (const key of [outcome.asset.storageKey, outcome.asset.thumbnailKey]) {
      if (key) await storage().delete(key).catch((error: unknown) => logger.warn("asset.file_delete_failed", { key, error }));
    }
  }
  return { ok: true };
}

/** The user's newest assets (the campaign builder's picker). */
export async function recentAssets(userId: string, limit: number): Promise<CreativeAsset[]> {
  return db
    .select()
    .from(creativeAssets)
    .where(eq(creativeAssets.userId, userId))
    .orderBy(desc(creativeAssets.createdAt))
    .limit(limit);
}
