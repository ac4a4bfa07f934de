import { boolean, char, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export const metaConnectionStatus = pgEnum("meta_connection_status", ["active", "reconnect_required", "revoked"]);

/** A marketer's connection to Meta: one row per Facebook user they connected. */
export const metaAccounts = pgTable(
  "meta_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    metaUserId: varchar("meta_user_id", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }),
    // Both encrypted with lib/crypto (AES-256-GCM, key id inside the value).
    accessToken: text("access_token").notNull(),
    // Meta issues no refresh tokens; kept for parity with the seed and other providers.
    refreshToken: text("refresh_token"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true, mode: "date" }),
    dataAccessExpiresAt: timestamp("data_access_expires_at", { withTimezone: true, mode: "date" }),
    permissions: jsonb("permissions").$type<string[]>().notNull().default([]),
    adAccountIds: text("ad_account_ids").array().notNull().default([]),
    status: metaConnectionStatus("status").notNull().default("active"),
    /** Connected through the built-in sandbox: its data is simulated and labelled as such. */
    sandbox: boolean("sandbox").notNull().default(false),
    pages: jsonb("pages").$type<Array<{ id: string; name: string }>>().notNull().default([]),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true, mode: "date" }),
    /** Why the connection needs attention, in words for the user. */
    statusReason: text("status_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("meta_accounts_user_id_idx").on(table.userId),
    unique("meta_accounts_user_meta_user_unique").on(table.userId, table.metaUserId),
  ],
);

/**
 * Every ad account a connection can reach; `connected` ones are managed in
 * AdPilot and count against the plan's limit.
 */
export const metaAdAccounts = pgTable(
  "meta_ad_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    metaAccountId: uuid("meta_account_id")
      .notNull()
      .references(() => metaAccounts.id, { onDelete: "cascade" }),
    /** "act_<id>", as Meta names it. */
    adAccountId: varchar("ad_account_id", { length: 64 }).notNull(),
    name: varchar("name", { length: 255 }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    timezone: varchar("timezone", { length: 64 }).notNull(),
    accountStatus: integer("account_status").notNull(),
    connected: boolean("connected").notNull().default(false),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("meta_ad_accounts_user_id_idx").on(table.userId),
    unique("meta_ad_accounts_user_ad_account_unique").on(table.userId, table.adAccountId),
  ],
);

export const dataDeletionStatus = pgEnum("data_deletion_status", ["received", "completed"]);

/** Data-deletion requests from Meta's callback; the confirmation code is the public status page's key. */
export const metaDataDeletions = pgTable("meta_data_deletions", {
  confirmationCode: varchar("confirmation_code", { length: 64 }).primaryKey(),
  metaUserId: varchar("meta_user_id", { length: 255 }).notNull(),
  status: dataDeletionStatus("status").notNull().default("received"),
  deletedConnections: integer("deleted_connections").notNull().default(0),
  requestedAt: createdAt(),
  completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
});

export type MetaAccount = typeof metaAccounts.$inferSelect;
export type MetaAdAccount = typeof metaAdAccounts.$inferSelect;
