import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { adAccountSyncs, campaigns, metaAccounts, metaAdAccounts, users, type CampaignPurpose } from "@/db/schema";
import { addDays, localDate } from "@/lib/analytics/sync/window";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { seedCampaignHistory } from "../support/seed-analytics";

export type LoadUser = { id: string; email: string; name: string };

export type LoadShape = { users: number; campaigns: number; days: number; creatives: number };

const TIMEZONE = "America/New_York";
const PURPOSES: CampaignPurpose[] = ["sales", "lead_generation", "retargeting", "brand_awareness"];
const STYLES = ["photo", "illustration", "minimal", "bold"];

/**
 * Users as a month of real use leaves them: a sandbox Meta connection with one
 * connected ad account synced an hour ago, launched campaigns with daily
 * performance, two drafts, and a library of generated and uploaded creatives.
 * Everyone has the same password (hashed once: scrypt is slow on purpose).
 */
export async function seedLoadUsers(shape: LoadShape, password: string, now = new Date()): Promise<LoadUser[]> {
  const passwordHash = await hashPassword(password);
  const today = localDate(now, TIMEZONE);
  const seeded: LoadUser[] = [];
  for (let index = 1; index <= shape.users; index++) {
    const name = `Loader${String(index).padStart(2, "0")} Bench`;
    const [user] = await db
      .insert(users)
      .values({ email: `load-${index}@bench.test`, name, passwordHash, subscriptionTier: index % 5 === 0 ? "professional" : "starter" })
      .returning({ id: users.id, email: users.email });
    const userId = user!.id;
    const metaAccountId = randomUUID();
    await db.insert(metaAccounts).values({
      id: metaAccountId,
      userId,
      metaUserId: `sandbox-${index}`,
      name: "Sam Sandbox",
      accessToken: encryptSecret(`EAAB-${randomUUID()}`, secretContext("meta_accounts.access_token", metaAccountId)),
      tokenExpiresAt: new Date(now.getTime() + 50 * 86_400_000),
      permissions: ["ads_management", "ads_read"],
      sandbox: true,
    });
    const adAccountId = `act_${2_300_000_000_000_000 + index}`;
    const [adAccount] = await db
      .insert(metaAdAccounts)
      .values({ userId, metaAccountId, adAccountId, name: "Sandbox shop", currency: "USD", timezone: TIMEZONE, accountStatus: 1, connected: true, isDefault: true })
      .returning({ id: metaAdAccounts.id });
    await db.insert(adAccountSyncs).values({
      adAccountId: adAccount!.id,
      userId,
      status: "succeeded",
      lastStartedAt: new Date(now.getTime() - 61 * 60_000),
      lastSuccessAt: new Date(now.getTime() - 60 * 60_000),
      backfilledFrom: addDays(today, -(shape.days - 1)),
      windowSince: addDays(today, -27),
      windowUntil: today,
      rows: shape.campaigns * 3 * 28,
      calls: 14,
      durationMs: 9_000,
    });
    await seedCampaignHistory(db, { userId, campaigns: shape.campaigns, days: shape.days, today, purposes: PURPOSES, account: { metaAccountId, adAccountId } });
    await db.insert(campaigns).values(
      ["Summer launch", "Holiday teaser"].map((draftName, draft) => ({
        userId,
        metaAccountId,
        adAccountId,
        name: draftName,
        purpose: PURPOSES[draft]!,
        draft: { step: "audience" as const, budget: { kind: "daily" as const, amount: 2500, level: "campaign" as const } },
      })),
    );
    // Every fifth creative a video, the rest images; generated ones carry a style and a prompt.
    await db.execute(sql`
      insert into creative_assets (user_id, asset_type, source, file_url, storage_key, file_size, mime_type, format, width, height, duration_seconds,
        prompt, style, tags, provider, metadata, brand_applied, created_at)
      select ${userId}, case when n % 5 = 0 then 'video' else 'image' end::asset_type, case when n % 4 = 0 then 'uploaded' else 'generated' end,
        '/api/files/users/' || ${userId} || '/creatives/' || n || '.png', 'users/' || ${userId} || '/creatives/' || n || '.png',
        120000 + n * 1000, case when n % 5 = 0 then 'video/mp4' else 'image/png' end, (array['1:1','4:5','9:16','16:9'])[1 + n % 4],
        1080, 1080, case when n % 5 = 0 then 8 end,
        case when n % 4 <> 0 then 'Fresh sourdough on a rustic table, morning light' end, case when n % 4 <> 0 then (${`{${STYLES.join(",")}}`}::text[])[1 + n % 4] end,
        array['bakery', 'spring'], case when n % 4 <> 0 then 'offline' end, jsonb_build_object('headline', 'Bake day ' || n, 'callToAction', 'SHOP_NOW'),
        n % 3 = 0, now() - make_interval(hours => n * 7)
      from generate_series(1, ${shape.creatives}) as n`);
    seeded.push({ id: userId, email: user!.email, name });
  }
  // What autovacuum would have done on a live database: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
  return seeded;
}
