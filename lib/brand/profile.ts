import "server-only";
import { eq } from "drizzle-orm";
import { db, type Queryable } from "@/db";
import { brandProfiles, type BrandProfile } from "@/db/schema";
import type { BrandContext } from "@/lib/ai/types";
import { readBytes, storage } from "@/lib/storage";

export async function getBrandProfile(userId: string, tx: Queryable = db): Promise<BrandProfile | null> {
  const [row] = await tx.select().from(brandProfiles).where(eq(brandProfiles.userId, userId));
  return row ?? null;
}

/** The palette as an ordered list: the named roles first, then the rest, no repeats. */
export function paletteColors(profile: Pick<BrandProfile, "colorPalette">): string[] {
  const { primary, secondary, accent, all = [] } = profile.colorPalette;
  return [...new Set([primary, secondary, accent, ...all].filter((color): color is string => Boolean(color)))];
}

/** What the studio hands a provider: the kit's words and colours, and the logo's bytes. */
export async function brandContext(userId: string): Promise<BrandContext | null> {
  const profile = await getBrandProfile(userId);
  if (!profile) return null;
  const voice = profile.brandVoice;
  const logoBytes = profile.logoKey ? await readBytes(storage(), profile.logoKey) : null;
  return {
    name: profile.name ?? undefined,
    websiteUrl: profile.websiteUrl,
    colors: paletteColors(profile),
    fonts: profile.guidelines.fonts ?? [],
    tone: voice.tone ?? [],
    audience: voice.audience,
    valuePropositions: voice.valuePropositions ?? [],
    wordsToUse: voice.wordsToUse ?? [],
    wordsToAvoid: voice.wordsToAvoid ?? [],
    logo: logoBytes ? { bytes: logoBytes, mimeType: "image/png" } : undefined,
  };
}
