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

/** The kit's words and colours plus where its logo is: JSON, so a job step can keep it. */
export type BrandSnapshot = Omit<BrandContext, "logo"> & { logoKey?: string };

export async function snapshotBrand(userId: string): Promise<BrandSnapshot | null> {
  const profile = await getBrandProfile(userId);
  if (!profile) return null;
  const voice = profile.brandVoice;
  return {
    name: profile.name ?? undefined,
    websiteUrl: profile.websiteUrl ?? undefined,
    colors: paletteColors(profile),
    fonts: profile.guidelines.fonts ?? [],
    tone: voice.tone ?? [],
    audience: voice.audience,
    valuePropositions: voice.valuePropositions ?? [],
    wordsToUse: voice.wordsToUse ?? [],
    wordsToAvoid: voice.wordsToAvoid ?? [],
    logoKey: profile.logoKey ?? undefined,
  };
}

/** The snapshot with its logo's bytes (logos are stored as PNG); a deleted logo is simply left out. */
export async function withLogo({ logoKey, ...snapshot }: BrandSnapshot): Promise<BrandContext> {
  const bytes = logoKey ? await readBytes(storage(), logoKey) : null;
  return { ...snapshot, logo: bytes ? { bytes, mimeType: "image/png" } : undefined };
}

/** What the studio hands a provider: the kit's words and colours, and the logo's bytes. */
export async function brandContext(userId: string): Promise<BrandContext | null> {
  const snapshot = await snapshotBrand(userId);
  return snapshot ? withLogo(snapshot) : null;
}
