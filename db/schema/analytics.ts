import { bigint, date, index, numeric, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { campaigns } from "./campaigns";
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
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("performance_analytics_campaign_date_unique").on(table.campaignId, table.date),
    index("performance_analytics_user_id_date_idx").on(table.userId, table.date),
  ],
);

export type PerformanceRow = typeof performanceAnalytics.$inferSelect;
