import { bigint, char, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { campaigns } from "./campaigns";
import { metaAdAccounts } from "./meta";
import { users } from "./users";

/**
 * One row per campaign per day (the seed's table). Spend and value are DECIMAL
 * major units; ratios are derived from the raw counts when written and are null
 * when their denominator is zero, never 0 or Infinity.
 */
export const performanceAnalytics = pgTable(
  "performance_analytics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Denormalised owner so every dashboard query filters on an indexed user_id.
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    impressions: bigint("impressions", { mode: "number" }).notNull().default(0),
    reach: bigint("reach", { mode: "number" }).notNull().default(0),
    clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
    spend: numeric("spend", { precision: 12, scale: 2 }).notNull().default("0"),
    conversions: bigint("conversions", { mode: "number" }).notNull().default(0),
    conversionValue: numeric("conversion_value", { precision: 14, scale: 2 }).notNull().default("0"),
    ctr: numeric("ctr", { precision: 5, scale: 4 }),
    cpa: numeric("cpa", { precision: 12, scale: 2 }),
    // Wider than the seed's DECIMAL(5,2): a small campaign can return over 999x.
    roas: numeric("roas", { precision: 10, scale: 2 }),
    /**
     * Running totals of the campaign up to and including this day, kept by the
     * sync: any range's sums are two index lookups per campaign (the last row on
     * or before its end, minus the last row before its start) instead of a scan
     * of every day in it. See lib/analytics/sync/store-rows.ts.
     */
    cumImpressions: bigint("cum_impressions", { mode: "number" }).notNull().default(0),
    cumReach: bigint("cum_reach", { mode: "number" }).notNull().default(0),
    cumClicks: bigint("cum_clicks", { mode: "number" }).notNull().default(0),
    cumSpend: numeric("cum_spend", { precision: 16, scale: 2 }).notNull().default("0"),
    cumConversions: bigint("cum_conversions", { mode: "number" }).notNull().default(0),
    cumConversionValue: numeric("cum_conversion_value", { precision: 18, scale: 2 }).notNull().default("0"),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("performance_analytics_campaign_date_unique").on(table.campaignId, table.date),
    index("performance_analytics_user_id_date_idx").on(table.userId, table.date),
  ],
);

/**
 * One row per ad per account-local day, as Meta's insights report it (level=ad,
 * time_increment=1). The source of `performance_analytics`: each sync upserts
 * these and re-derives the touched (campaign, date) rows in the same transaction.
 * Keyed by our ad-account row, not Meta's ids alone: sandbox users share fixture ids.
 */
export const adInsightsDaily = pgTable(
  "ad_insights_daily",
  {
    adAccountId: uuid("ad_account_id")
      .notNull()
      .references(() => metaAdAccounts.id, { onDelete: "cascade" }),
    metaAdId: varchar("meta_ad_id", { length: 64 }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null for ads of campaigns made outside AdPilot: kept, but not rolled up. */
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    metaCampaignId: varchar("meta_campaign_id", { length: 64 }).notNull(),
    metaAdSetId: varchar("meta_ad_set_id", { length: 64 }).notNull(),
    impressions: bigint("impressions", { mode: "number" }).notNull().default(0),
    reach: bigint("reach", { mode: "number" }).notNull().default(0),
    clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
    /** Major units exactly as Meta wrote them (never through a float). */
    spend: numeric("spend", { precision: 12, scale: 2 }).notNull().default("0"),
    conversions: bigint("conversions", { mode: "number" }).notNull().default(0),
    conversionValue: numeric("conversion_value", { precision: 14, scale: 2 }).notNull().default("0"),
    /** The one action type counted as the conversion (per campaign purpose); null when none applies. */
    actionType: varchar("action_type", { length: 80 }),
    syncedAt: timestamp("synced_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.adAccountId, table.metaAdId, table.date] }),
    index("ad_insights_daily_campaign_id_date_idx").on(table.campaignId, table.date),
    index("ad_insights_daily_user_id_date_idx").on(table.userId, table.date),
  ],
);

/**
 * The user's totals per currency per day over all their campaigns: the
 * unfiltered dashboard's KPIs and charts read ≤ 366 rows here instead of
 * summing every campaign-day. Derived from performance_analytics in the same
 * transaction as every write to it (lib/analytics/sync/store-rows.ts).
 */
export const userDailyPerformance = pgTable(
  "user_daily_performance",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    date: date("date", { mode: "string" }).notNull(),
    impressions: bigint("impressions", { mode: "number" }).notNull().default(0),
    reach: bigint("reach", { mode: "number" }).notNull().default(0),
    clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
    spend: numeric("spend", { precision: 16, scale: 2 }).notNull().default("0"),
    conversions: bigint("conversions", { mode: "number" }).notNull().default(0),
    conversionValue: numeric("conversion_value", { precision: 18, scale: 2 }).notNull().default("0"),
  },
  (table) => [primaryKey({ columns: [table.userId, table.currency, table.date] })],
);

export const SYNC_STATUSES = ["idle", "running", "waiting", "succeeded", "failed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/** Where each connected ad account's insight sync stands: what the dashboard's "last synced" reads. */
export const adAccountSyncs = pgTable(
  "ad_account_syncs",
  {
    adAccountId: uuid("ad_account_id")
      .primaryKey()
      .references(() => metaAdAccounts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: varchar("status", { length: 20 }).$type<SyncStatus>().notNull().default("idle"),
    runId: uuid("run_id"),
    lastStartedAt: timestamp("last_started_at", { withTimezone: true, mode: "date" }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true, mode: "date" }),
    /** The first successful sync back-filled from here; later ones re-pull the lookback window. */
    backfilledFrom: date("backfilled_from", { mode: "string" }),
    /** Window of the last run (account-local days). */
    windowSince: date("window_since", { mode: "string" }),
    windowUntil: date("window_until", { mode: "string" }),
    rows: integer("rows").notNull().default(0),
    calls: integer("calls").notNull().default(0),
    durationMs: integer("duration_ms").notNull().default(0),
    /** Why the last run stopped, in words for the user. */
    error: text("error"),
    pausedUntil: timestamp("paused_until", { withTimezone: true, mode: "date" }),
    updatedAt: updatedAt(),
  },
  (table) => [index("ad_account_syncs_user_id_idx").on(table.userId)],
);

export type PerformanceRow = typeof performanceAnalytics.$inferSelect;
