import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { brandProfiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getBrandProfile } from "./profile";
import { websiteUrl } from "./website-url";

/** Zod's own "Too big" wording is not for people; every length limit says it in a sentence. */
const atMost = (max: number) => `Keep this under ${max.toLocaleString("en-US")} characters.`;

const list = (max: number, itemMax: number) =>
  z
    .string()
    .max(4000, atMost(4000))
    .default("")
    .transform((text) =>
      text
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => item.slice(0, itemMax))
        .slice(0, max),
    );
const lines = (max: number, itemMax: number) =>
  z
    .string()
    .max(4000, atMost(4000))
    .default("")
    .transform((text) =>
      text
        .split("\n")
        .map((item) => item.trim())
        .filter(Boolean)
        .map((item) => item.slice(0, itemMax))
        .slice(0, max),
    );
const color = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value || undefined)
  .pipe(z.string().regex(/^#[0-9a-f]{6}$/, "Colours are written like #1a73e8.").optional());

/** The brand kit editor's fields, as the form posts them (lists as commas or lines). */
export const brandEditInput = z.object({
  websiteUrl: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), websiteUrl.optional()),
  name: z.string().trim().min(1, "Give the brand a name.").max(120, "Keep the brand name under 120 characters."),
  summary: z.string().trim().max(600, atMost(600)).default(""),
  audience: z.string().trim().max(300, atMost(300)).default(""),
  tone: list(6, 40),
  valuePropositions: lines(6, 160),
  wordsToUse: list(15, 40),
  wordsToAvoid: list(15, 40),
  fonts: list(4, 60),
  dos: lines(10, 200),
  donts: lines(10, 200),
  notes: z.string().trim().max(2000, atMost(2000)).default(""),
  primary: color,
  secondary: color,
  accent: color,
  background: color,
  text: color,
});
export type BrandEdit = z.output<typeof brandEditInput>;

/** Saves a hand-edited kit (creating it if the user never ran the analyzer), audited. */
export async function saveBrandEdits(userId: string, edit: BrandEdit): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getBrandProfile(userId, tx);
    const chosen = [edit.primary, edit.secondary, edit.accent].filter((c): c is string => Boolean(c));
    const values = {
      websiteUrl: edit.websiteUrl ?? null,
      name: edit.name,
      brandVoice: {
        summary: edit.summary,
        tone: edit.tone,
        audience: edit.audience,
        valuePropositions: edit.valuePropositions,
        wordsToUse: edit.wordsToUse,
        wordsToAvoid: edit.wordsToAvoid,
      },
      colorPalette: {
        primary: edit.primary,
        secondary: edit.secondary,
        accent: edit.accent,
        background: edit.background,
        text: edit.text,
        // Colours the user removed from the roles stay available, after the chosen ones.
        all: [...new Set([...chosen, ...(before?.colorPalette.all ?? [])])].slice(0, 8),
      },
      guidelines: { fonts: edit.fonts, dos: edit.dos, donts: edit.donts, notes: edit.notes },
    };
    await tx.insert(brandProfiles).values({ userId, ...values }).onConflictDoUpdate({ target: brandProfiles.userId, set: values });
    await recordAudit(tx, {
      userId,
      action: "brand.edit",
      entityType: "brand_profile",
      entityId: userId,
      before: before ? { name: before.name, voice: before.brandVoice, palette: before.colorPalette, guidelines: before.guidelines } : null,
      after: { name: values.name, voice: values.brandVoice, palette: values.colorPalette, guidelines: values.guidelines },
    });
  });
}
