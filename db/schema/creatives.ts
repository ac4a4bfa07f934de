import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { jobRuns } from "./jobs";
import { users } from "./users";

export const assetType = pgEnum("asset_type", ["image", "video"]);
export const ASSET_FORMATS = ["1:1", "16:9", "9:16", "4:5"] as const;
export type AssetFormat = (typeof ASSET_FORMATS)[number];
export const ASSET_SOURCES = ["generated", "uploaded"] as const;
export type AssetSource = (typeof ASSET_SOURCES)[number];

export const GENERATION_STATUSES = ["running", "succeeded", "partial", "failed"] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** The parameters of one Studio request, as the job reads them. */
export type GenerationParams = {
  formats: AssetFormat[];
  style: string;
  useBrand: boolean;
  variants: number;
  durationSeconds?: number;
  tags: string[];
  /** The marketer's own headline and button; the provider writes them when absent. */
  headline?: string;
  callToAction?: string;
  /** The campaign purpose when generated from the campaign builder; the copy is written for it. */
  purpose?: string;
  /** Set when the user asked for variations of an existing asset. */
  parentAssetId?: string;
};

/** A failed item of a request, shown next to the ones that worked. */
export type GenerationFailure = { format: AssetFormat; variant: number; message: string };

/**
 * One "Generate" press. `units` (formats × variants) is reserved against the plan's
 * monthly quota when the row is written; when the run ends, only what was actually
 * produced (`produced`) still counts.
 */
export const generationRequests = pgTable(
  "generation_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assetType: assetType("asset_type").notNull(),
    prompt: text("prompt").notNull(),
    params: jsonb("params").$type<GenerationParams>().notNull(),
    units: integer("units").notNull(),
    produced: integer("produced").notNull().default(0),
    status: varchar("status", { length: 20 }).$type<GenerationStatus>().notNull().default("running"),
    failures: jsonb("failures").$type<GenerationFailure[]>().notNull().default([]),
    provider: varchar("provider", { length: 20 }).notNull(),
    jobRunId: uuid("job_run_id").references(() => jobRuns.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    index("generation_requests_user_month_idx").on(table.userId, table.assetType, table.createdAt),
    check("generation_requests_units_positive", sql`${table.units} > 0`),
  ],
);

export type GenerationRequest = typeof generationRequests.$inferSelect;

/** What the renderer or model was told, kept for "variants of this" and for the campaign wizard. */
export type AssetMetadata = {
  headline?: string;
  callToAction?: string;
  primaryText?: string;
  description?: string;
  variant?: number;
  seed?: number;
  brandApplied?: boolean;
  originalName?: string;
  videoCodec?: string;
};

export const creativeAssets = pgTable(
  "creative_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assetType: assetType("asset_type").notNull(),
    source: varchar("source", { length: 20 }).$type<AssetSource>().notNull().default("generated"),
    // The app URL that serves the file (owner-only); storageKey is where the bytes live.
    fileUrl: text("file_url").notNull(),
    storageKey: text("storage_key").notNull(),
    // A small WebP for the grid (a poster frame for videos).
    thumbnailKey: text("thumbnail_key"),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    mimeType: varchar("mime_type", { length: 100 }).notNull(),
    format: varchar("format", { length: 50 }).$type<AssetFormat>().notNull(),
    width: integer("width"),
    height: integer("height"),
    durationSeconds: integer("duration_seconds"),
    prompt: text("prompt"),
    style: varchar("style", { length: 100 }),
    tags: text("tags").array().notNull().default([]),
    provider: varchar("provider", { length: 20 }),
    generationId: uuid("generation_id").references(() => generationRequests.id, { onDelete: "set null" }),
    parentAssetId: uuid("parent_asset_id"),
    metadata: jsonb("metadata").$type<AssetMetadata>().notNull().default({}),
    brandApplied: boolean("brand_applied").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    index("creative_assets_user_id_created_at_idx").on(table.userId, table.createdAt),
    index("creative_assets_tags_idx").using("gin", table.tags),
    index("creative_assets_generation_id_idx").on(table.generationId),
  ],
);

export type CreativeAsset = typeof creativeAssets.$inferSelect;
