import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { logger } from "@/lib/observability/logger";
import { fileUrl, storage, userFileKey } from "@/lib/storage";
import { safeFetch } from "@/lib/web";

const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** A logo as the studio uses it: PNG, at most 512 px on its long side, transparency kept. */
export async function normaliseLogo(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { density: 300, limitInputPixels: 40_000_000, failOn: "truncated" })
    .resize(512, 512, { fit: "inside", withoutEnlargement: true })
    .png()
    .toBuffer();
}

/**
 * Tries the site's logo candidates in order and keeps the first one that is a
 * readable image. Favicons in .ico form are skipped (sharp cannot read them);
 * a site with no usable logo simply has none, and the user can upload one.
 */
export async function copyLogo(userId: string, candidates: string[]): Promise<{ logoKey: string; logoUrl: string } | null> {
  for (const candidate of candidates.slice(0, 5)) {
    try {
      const response = await safeFetch(candidate, { accept: "image", maxBytes: LOGO_MAX_BYTES, timeoutMs: 5_000 });
      return await saveLogo(userId, await normaliseLogo(response.body));
    } catch (error) {
      logger.debug("brand.logo_candidate_skipped", { candidate, error });
    }
  }
  return null;
}

export async function saveLogo(userId: string, png: Buffer): Promise<{ logoKey: string; logoUrl: string }> {
  // Named by content: a re-analysis that finds the same logo writes the same key.
  const digest = createHash("sha256").update(png).digest("hex").slice(0, 16);
  const logoKey = userFileKey(userId, "brand", `logo-${digest}.png`);
  await storage().put(logoKey, png, "image/png");
  return { logoKey, logoUrl: fileUrl(logoKey) };
}
