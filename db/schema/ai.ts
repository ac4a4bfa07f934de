import { index, integer, numeric, pgTable, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

export const AI_OPERATIONS = ["analyze_brand", "ad_copy", "image", "video_start", "video_poll", "strategy", "explain"] as const;
export type AiOperation = (typeof AI_OPERATIONS)[number];

/**
 * One row per provider call, successful or not: what it consumed, what it is
 * estimated to cost, how long it took. Operations reads AI spend and latency here.
 */
export const aiUsage = pgTable(
  "ai_usage",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Kept (as null) when the user is deleted, so spend totals stay right.
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    provider: varchar("provider", { length: 20 }).notNull(),
    model: varchar("model", { length: 100 }).notNull(),
    operation: varchar("operation", { length: 30 }).$type<AiOperation>().notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    images: integer("images").notNull().default(0),
    videoSeconds: integer("video_seconds").notNull().default(0),
    costUsd: numeric("cost_usd", { precision: 12, scale: 6 }).notNull().default("0"),
    latencyMs: integer("latency_ms").notNull(),
    /** "ok" or the AiError kind ("safety_blocked", "rate_limited", ...), "error" for anything else. */
    outcome: varchar("outcome", { length: 30 }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("ai_usage_user_id_created_at_idx").on(table.userId, table.createdAt), index("ai_usage_created_at_idx").on(table.createdAt)],
);

export type AiUsageRow = typeof aiUsage.$inferSelect;
