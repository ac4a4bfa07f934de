import { index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("meta_accounts_user_id_idx").on(table.userId),
    unique("meta_accounts_user_meta_user_unique").on(table.userId, table.metaUserId),
  ],
);

export type MetaAccount = typeof metaAccounts.$inferSelect;
