import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

export type BrandVoice = { tone?: string[]; messaging?: string[]; audience?: string; summary?: string };
export type ColorPalette = { primary?: string; secondary?: string; accent?: string; background?: string; text?: string; all?: string[] };
export type BrandGuidelines = { dos?: string[]; donts?: string[]; fonts?: string[]; keywords?: string[] };

export const brandProfiles = pgTable(
  "brand_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    websiteUrl: text("website_url").notNull(),
    brandVoice: jsonb("brand_voice").$type<BrandVoice>().notNull().default({}),
    logoUrl: text("logo_url"),
    colorPalette: jsonb("color_palette").$type<ColorPalette>().notNull().default({}),
    guidelines: jsonb("guidelines").$type<BrandGuidelines>().notNull().default({}),
    lastAnalysis: timestamp("last_analysis", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index("brand_profiles_user_id_idx").on(table.userId)],
);

export type BrandProfile = typeof brandProfiles.$inferSelect;
