import { char, index, numeric, pgEnum, pgTable, primaryKey, uuid, varchar } from "drizzle-orm/pg-core";
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
export const campaignStatus = pgEnum("campaign_status", ["draft", "active", "paused", "completed"]);

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

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignPurpose = (typeof campaignPurpose.enumValues)[number];
export type CampaignStatus = (typeof campaignStatus.enumValues)[number];
