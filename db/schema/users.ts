import { boolean, pgEnum, pgTable, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";

export const subscriptionTier = pgEnum("subscription_tier", ["starter", "professional", "business"]);
/** Operators see the Admin pages (operations metrics); everyone else is a member. */
export const userRole = pgEnum("user_role", ["member", "operator"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased and trimmed; uniqueness is on that form.
  email: varchar("email", { length: 255 }).notNull().unique(),
  name: varchar("name", { length: 120 }),
  // Null for users who only ever sign in through an OAuth provider.
  passwordHash: varchar("password_hash", { length: 255 }),
  subscriptionTier: subscriptionTier("subscription_tier").notNull().default("starter"),
  role: userRole("role").notNull().default("member"),
  /** Weekly report by email: off until the user turns it on in Settings (the in-app report is always kept). */
  weeklyReportEmail: boolean("weekly_report_email").notNull().default(false),
  // Auth.js adapter columns.
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type User = typeof users.$inferSelect;
export type SubscriptionTier = (typeof subscriptionTier.enumValues)[number];
