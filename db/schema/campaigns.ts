import { char, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { creativeAssets } from "./creatives";
import { metaAccounts } from "./meta";
import { users } from "./users";

export const campaignPurpose = pgEnum("campaign_purpose", [
  "lead_generation",
  "sales",
  "brand_awareness",
  "app_installs",
  "event_promotion",
  "store_visits",
  "retargeting",
]);
export const campaignStatus = pgEnum("campaign_status", ["draft", "active", "paused", "completed", "archived"]);

/** Where a launch stands; `failed` keeps the step and Meta's message so the user can fix and resume. */
export const LAUNCH_STATES = ["not_launched", "launching", "failed", "launched"] as const;
export type LaunchState = (typeof LAUNCH_STATES)[number];

/** Who sees the ads: what the wizard's audience step saves (Meta's targeting is built from it). */
export type CampaignAudience = {
  countries: string[];
  ageMin: number;
  ageMax: number;
  /** Empty = everyone; Meta's codes are 1 male, 2 female. */
  genders: Array<"male" | "female">;
  placements: string[];
  customAudienceIds: string[];
  excludedAudienceIds: string[];
  advantageAudience: boolean;
  interests?: string[];
};

/** What the purpose needs on Meta besides the Page (pixel, app, event, ...). */
export type PromotedSetup = {
  pageId?: string;
  pixelId?: string;
  applicationId?: string;
  objectStoreUrl?: string;
  eventId?: string;
  placePageSetId?: string;
};

/** The wizard's working state: saved at every step, read back when the user returns. */
export type CampaignDraft = {
  step: "purpose" | "audience" | "budget" | "creatives" | "review";
  audience?: CampaignAudience;
  recommendation?: { accepted: boolean; reasoning: string };
  budget?: {
    kind: "daily" | "lifetime";
    /** Minor units of the ad account's currency. */
    amount: number;
    level: "campaign" | "adset";
    startTime?: string;
    endTime?: string;
  };
  launchAs?: "ACTIVE" | "PAUSED";
};

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    metaAccountId: uuid("meta_account_id").references(() => metaAccounts.id, { onDelete: "set null" }),
    adAccountId: varchar("ad_account_id", { length: 64 }),
    metaCampaignId: varchar("meta_campaign_id", { length: 255 }),
    name: varchar("name", { length: 255 }).notNull(),
    purpose: campaignPurpose("purpose").notNull(),
    status: campaignStatus("status").notNull().default("draft"),
    // DECIMAL in major units as the seed asks; code works in minor units (lib/money).
    dailyBudget: numeric("daily_budget", { precision: 12, scale: 2 }),
    totalBudget: numeric("total_budget", { precision: 12, scale: 2 }),
    currency: char("currency", { length: 3 }).notNull().default("USD"),
    // The wizard's state while a draft; kept afterwards as what was asked for.
    draft: jsonb("draft").$type<CampaignDraft>().notNull().default({ step: "purpose" }),
    audience: jsonb("audience").$type<CampaignAudience>(),
    promoted: jsonb("promoted").$type<PromotedSetup>().notNull().default({}),
    startTime: timestamp("start_time", { withTimezone: true, mode: "date" }),
    endTime: timestamp("end_time", { withTimezone: true, mode: "date" }),
    metaAdSetId: varchar("meta_ad_set_id", { length: 255 }),
    /** Meta's own status after our last call (ACTIVE, PAUSED, ARCHIVED, ...). */
    metaStatus: varchar("meta_status", { length: 40 }),
    /** Put in every object name we create on Meta, so a retried step finds what it already made. */
    launchMarker: varchar("launch_marker", { length: 40 }),
    launchState: varchar("launch_state", { length: 20 }).$type<LaunchState>().notNull().default("not_launched"),
    launchRunId: uuid("launch_run_id"),
    launchError: text("launch_error"),
    /** The daily budget optimizer for this campaign: off, recommendations (default), or autopilot (plans that allow it). */
    optimizerMode: varchar("optimizer_mode", { length: 12 }).$type<"off" | "recommend" | "autopilot">().notNull().default("recommend"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("campaigns_user_id_status_idx").on(table.userId, table.status),
    index("campaigns_meta_campaign_id_idx").on(table.metaCampaignId),
  ],
);

export const campaignAssets = pgTable(
  "campaign_assets",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => creativeAssets.id, { onDelete: "restrict" }),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.assetId] }), index("campaign_assets_asset_id_idx").on(table.assetId)],
);

/**
 * One ad of a campaign: the creative asset, its words, and the Meta objects made
 * for it. Meta ids are written by the launch job step that created them.
 */
export const campaignAds = pgTable(
  "campaign_ads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => creativeAssets.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
    primaryText: text("primary_text").notNull(),
    headline: varchar("headline", { length: 255 }).notNull(),
    description: varchar("description", { length: 255 }).notNull().default(""),
    callToAction: varchar("call_to_action", { length: 40 }).notNull(),
    link: text("link").notNull(),
    metaImageHash: varchar("meta_image_hash", { length: 255 }),
    metaVideoId: varchar("meta_video_id", { length: 255 }),
    metaCreativeId: varchar("meta_creative_id", { length: 255 }),
    metaAdId: varchar("meta_ad_id", { length: 255 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("campaign_ads_campaign_id_idx").on(table.campaignId), index("campaign_ads_user_id_idx").on(table.userId)],
);

/** Budget changes per ad set (or campaign) in the last hour: Meta allows 4. */
export const budgetChanges = pgTable(
  "budget_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Minor units. */
    fromAmount: integer("from_amount"),
    toAmount: integer("to_amount").notNull(),
    source: varchar("source", { length: 20 }).notNull().default("user"),
    createdAt: createdAt(),
  },
  (table) => [index("budget_changes_campaign_id_created_at_idx").on(table.campaignId, table.createdAt)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignAd = typeof campaignAds.$inferSelect;
export type CampaignPurpose = (typeof campaignPurpose.enumValues)[number];
export type CampaignStatus = (typeof campaignStatus.enumValues)[number];
