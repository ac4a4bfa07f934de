import { date, index, jsonb, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { campaigns } from "./campaigns";
import { metaAdAccounts } from "./meta";
import { users } from "./users";

export const OPTIMIZER_MODES = ["off", "recommend", "autopilot"] as const;
export type OptimizerMode = (typeof OPTIMIZER_MODES)[number];

export const RECOMMENDATION_STATUSES = ["open", "applying", "applied", "failed", "dismissed", "superseded", "rolling_back", "rolled_back"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** One campaign's part of a budget recommendation (minor units of the group's currency). */
export type BudgetMove = {
  campaignId: string;
  name: string;
  from: number;
  to: number;
  frozen: boolean;
  reason: string;
  /** Filled once applied: the campaign.update run that made (or undid) the change on Meta. */
  runId?: string;
  rollbackRunId?: string;
  error?: string;
};

/** What a recommendation expects to change per day, from each campaign's recent cost per result; an estimate, labelled as one. */
export type ExpectedEffect = { metric: "conversions" | "value"; before: number; after: number };

export type FatigueSignal = {
  campaignAdId: string;
  assetId: string;
  headline: string;
  frequency: number;
  baselineCtr: number;
  recentCtr: number;
};

/**
 * What the daily optimizer proposes: a budget move across a group of campaigns
 * (same ad account, currency and goal), or a tired creative to refresh. Applied
 * by the user (recommend) or by the job (autopilot); every change it makes can
 * be rolled back from here.
 */
export const optimizerRecommendations = pgTable(
  "optimizer_recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    adAccountId: uuid("ad_account_id").references(() => metaAdAccounts.id, { onDelete: "cascade" }),
    /** The campaign a fatigue recommendation is about (budget moves list theirs in `changes`). */
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 20 }).$type<"budget" | "fatigue">().notNull(),
    /** Which group (or ad) it is for: one recommendation per group, kind and day. */
    groupKey: varchar("group_key", { length: 160 }).notNull(),
    forDate: date("for_date", { mode: "string" }).notNull(),
    mode: varchar("mode", { length: 12 }).$type<OptimizerMode>().notNull().default("recommend"),
    status: varchar("status", { length: 16 }).$type<RecommendationStatus>().notNull().default("open"),
    currency: varchar("currency", { length: 3 }),
    changes: jsonb("changes").$type<BudgetMove[]>().notNull().default([]),
    expected: jsonb("expected").$type<ExpectedEffect | null>(),
    fatigue: jsonb("fatigue").$type<FatigueSignal | null>(),
    /** One or two sentences for the marketer (Gemini when configured, else a template). */
    explanation: text("explanation").notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true, mode: "date" }),
    appliedBy: varchar("applied_by", { length: 12 }).$type<"user" | "autopilot">(),
    rolledBackAt: timestamp("rolled_back_at", { withTimezone: true, mode: "date" }),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique("optimizer_recommendations_group_day_unique").on(table.groupKey, table.kind, table.forDate),
    index("optimizer_recommendations_user_id_status_idx").on(table.userId, table.status),
  ],
);

export type OptimizerRecommendation = typeof optimizerRecommendations.$inferSelect;
