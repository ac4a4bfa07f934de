import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { brandProfiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { sniffMediaType } from "@/lib/media";
import { normaliseLogo, saveLogo } from "./store-logo";

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** A logo uploaded by hand replaces the analyzed one; it needs a brand kit to belong to. */
export async function replaceLogo(userId: string, bytes: Buffer): Promise<{ ok: true } | { ok: false; message: string }> {
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: "Logos can be at most 2 MB." };
  const sniffed = sniffMediaType(bytes);
  const isSvg = !sniffed && /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(bytes.subarray(0, 512).toString("utf8"));
  if (sniffed?.kind !== "image" && !isSvg) return { ok: false, message: "That file is not a PNG, JPEG, WebP, GIF or SVG image." };
  const png = await normaliseLogo(bytes).catch(() => null);
  if (!png) return { ok: false, message: "AdPilot could not read that image; try exporting it again as PNG." };
  const logo = await saveLogo(userId, png);
  const updated = await db.transaction(async (tx) => {
    const rows = await tx.update(brandProfiles).set(logo).where(eq(brandProfiles.userId, userId)).returning({ id: brandProfiles.id });
    if (rows.length > 0) await recordAudit(tx, { userId, action: "brand.logo", entityType: "brand_profile", entityId: userId, after: { logoKey: logo.logoKey } });
    return rows.length > 0;
  });
  return updated ? { ok: true } : { ok: false, message: "Save your brand kit first, then add its logo." };
}
