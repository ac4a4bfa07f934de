import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { creativeAssets, generationRequests, type AssetFormat, type AssetMetadata, type AssetSource } from "@/db/schema";
import { makeThumbnail } from "@/lib/media";
import { fileUrl, storage, userFileKey } from "@/lib/storage";

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
};

export type NewAsset = {
  id: string;
  userId: string;
  assetType: "image" | "video";
  source: AssetSource;
  bytes: Buffer;
  mimeType: string;
  format: AssetFormat;
  width: number;
  height: number;
  durationSeconds?: number;
  /** A still to make the grid thumbnail from; images use themselves. */
  still?: Buffer;
  prompt?: string | null;
  style?: string | null;
  tags: string[];
  provider?: string | null;
  generationId?: string | null;
  parentAssetId?: string | null;
  brandApplied?: boolean;
  metadata?: AssetMetadata;
};

/**
 * Writes the file, its thumbnail and the library row. Keys and the row id are
 * fixed by `asset.id`, so running this again for the same id (a retried job step)
 * overwrites the same objects and inserts nothing new; the request's `produced`
 * count moves only when the row is actually inserted.
 */
export async function storeAsset(asset: NewAsset): Promise<string> {
  const extension = EXTENSIONS[asset.mimeType];
  if (!extension) throw new Error(`Unsupported media type ${asset.mimeType}`);
  const key = userFileKey(asset.userId, "creatives", `${asset.id}.${extension}`);
  const thumbnailKey = userFileKey(asset.userId, "creatives", `${asset.id}-thumb.webp`);

  const thumbnail = await makeThumbnail(asset.still ?? asset.bytes);
  const files = storage();
  await files.put(key, asset.bytes, asset.mimeType);
  await files.put(thumbnailKey, thumbnail.bytes, thumbnail.mimeType);

  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(creativeAssets)
      .values({
        id: asset.id,
        userId: asset.userId,
        assetType: asset.assetType,
        source: asset.source,
        fileUrl: fileUrl(key),
        storageKey: key,
        thumbnailKey,
        fileSize: asset.bytes.length,
        mimeType: asset.mimeType,
        format: asset.format,
        width: asset.width,
        height: asset.height,
        durationSeconds: asset.durationSeconds === undefined ? null : Math.round(asset.durationSeconds),
        prompt: asset.prompt ?? null,
        style: asset.style ?? null,
        tags: asset.tags,
        provider: asset.provider ?? null,
        generationId: asset.generationId ?? null,
        parentAssetId: asset.parentAssetId ?? null,
        brandApplied: asset.brandApplied ?? false,
        metadata: asset.metadata ?? {},
      })
      .onConflictDoNothing({ target: creativeAssets.id })
      .returning({ id: creativeAssets.id });
    if (inserted.length > 0 && asset.generationId) {
      await tx
        .update(generationRequests)
        .set({ produced: sql`${generationRequests.produced} + 1` })
        .where(eq(generationRequests.id, asset.generationId));
    }
  });
  return asset.id;
}
