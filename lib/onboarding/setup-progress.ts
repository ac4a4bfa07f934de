import "server-only";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { brandProfiles, campaigns, creativeAssets, metaAccounts } from "@/db/schema";

export type SetupProgress = {
  metaConnected: boolean;
  brandProfiles: number;
  creatives: number;
  campaigns: number;
};

/** What the signed-in user has set up so far; the dashboard checklist reads it. */
export async function setupProgress(userId: string): Promise<SetupProgress> {
  const [[meta], [brands], [assets], [launched]] = await Promise.all([
    db.select({ n: count() }).from(metaAccounts).where(and(eq(metaAccounts.userId, userId), eq(metaAccounts.status, "active"))),
    db.select({ n: count() }).from(brandProfiles).where(eq(brandProfiles.userId, userId)),
    db.select({ n: count() }).from(creativeAssets).where(eq(creativeAssets.userId, userId)),
    db.select({ n: count() }).from(campaigns).where(eq(campaigns.userId, userId)),
  ]);
  return {
    metaConnected: (meta?.n ?? 0) > 0,
    brandProfiles: brands?.n ?? 0,
    creatives: assets?.n ?? 0,
    campaigns: launched?.n ?? 0,
  };
}
