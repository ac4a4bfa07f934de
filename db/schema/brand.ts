import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

/** How the brand speaks: written by the analyzer, editable by hand. */
export type BrandVoice = {
  summary?: string;
  tone?: string[];
  audience?: string;
  valuePropositions?: string[];
  wordsToUse?: string[];
  wordsToAvoid?: string[];
};
export type ColorPalette = { primary?: string; secondary?: string; accent?: string; background?: string; text?: string; all?: string[] };
export type BrandGuidelines = { dos?: string[]; donts?: string[]; fonts?: string[]; keywords?: string[]; notes?: string };

/** What the last analysis saw on the site, kept so a re-analysis can show what changed. */
export type BrandSourceSnapshot = {
  url: string;
  title?: string;
  description?: string;
  headings: string[];
  ogImage?: string;
  logoCandidates: string[];
  themeColor?: string;
  palette: Array<{ color: string; weight: number }>;
  fonts: string[];
  provider: string;
};

/** One brand kit per user: the analyzer fills it in, the user corrects it, the studio reads it. */
export const brandProfiles = pgTable(
  "brand_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Null for a kit written by hand for a business without a website.
    websiteUrl: text("website_url"),
    name: varchar("name", { length: 120 }),
    brandVoice: jsonb("brand_voice").$type<BrandVoice>().notNull().default({}),
    // The app URL of the stored copy (owner-only); logoKey is where the bytes live.
    logoUrl: text("logo_url"),
    logoKey: text("logo_key"),
    colorPalette: jsonb("color_palette").$type<ColorPalette>().notNull().default({}),
    guidelines: jsonb("guidelines").$type<BrandGuidelines>().notNull().default({}),
    source: jsonb("source").$type<BrandSourceSnapshot>(),
    lastAnalysis: timestamp("last_analysis", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex("brand_profiles_user_id_idx").on(table.userId)],
);

export type BrandProfile = typeof brandProfiles.$inferSelect;
