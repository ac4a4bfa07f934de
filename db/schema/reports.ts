import { date, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { users } from "./users";

/**
 * One weekly performance report per user per week (Monday to Sunday). `summary`
 * is the whole report as computed when it was made, so it reads the same later
 * even after Meta's numbers settle further.
 */
export const weeklyReports = pgTable(
  "weekly_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "date" }),
    emailError: text("email_error"),
    createdAt: createdAt(),
  },
  // The unique (user, week) index also serves "this user's reports, newest first".
  (table) => [unique("weekly_reports_user_period_unique").on(table.userId, table.periodStart)],
);

export type WeeklyReport = typeof weeklyReports.$inferSelect;
