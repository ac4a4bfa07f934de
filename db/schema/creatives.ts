import { bigint, index, integer, pgEnum, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

export const assetType = pgEnum("asset_type", ["image", "video"]);
export const ASSET_FORMATS = ["1:1", "16:9", "9:16", "4:5"] as const;
export type AssetFormat = (typeof ASSET_FORMATS)[number];

export const creativeAssets = pgTable(
  "creative_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assetType: assetType("asset_type").notNull(),
    // The app URL that serves the file (owner-only); storageKey is where the bytes live.
    fileUrl: text("file_url").notNull(),
    storageKey: text("storage_key").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    mimeType: varchar("mime_type", { length: 100 }).notNull(),
    format: varchar("format", { length: 50 }).$type<AssetFormat>().notNull(),
    width: integer("width"),
    height: integer("height"),
    durationSeconds: integer("duration_seconds"),
    prompt: text("prompt"),
    style: varchar("style", { length: 100 }),
    tags: text("tags").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [
    index("creative_assets_user_id_created_at_idx").on(table.userId, table.createdAt),
    index("creative_assets_tags_idx").using("gin", table.tags),
  ],
);

export type CreativeAsset = typeof creativeAssets.$inferSelect;
