/**
 * Test helpers for the launch and manage suites: a Graph emulator the app's
 * Meta client can reach, a connection holding one of its tokens, library
 * assets with real bytes in storage, and a campaign the wizard would have saved.
 *
 * Each test file points the app at the emulator with:
 *   const graph = vi.hoisted(() => ({ url: "" }));
 *   vi.mock("@/lib/meta/config", async (original) => ({ ...(await original<typeof import("@/lib/meta/config")>()), metaEndpoints: () => ({ graphUrl: graph.url, dialogUrl: graph.url }) }));
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, campaignAds, campaigns, creativeAssets, metaAccounts, type CampaignAudience, type CampaignDraft, type CampaignPurpose, type PromotedSetup } from "@/db/schema";
import { SANDBOX, startGraphEmulator, type GraphEmulator } from "@/emulators/meta-graph";
import { encryptSecret } from "@/lib/crypto";
import { secretContext } from "@/lib/crypto/encrypted-columns";
import { executeRun, type RunOutcome } from "@/lib/jobs/execute-run";
import { metaConfig } from "@/lib/meta/config";
import { fileUrl, storage, userFileKey } from "@/lib/storage";

export const ALL_SCOPES = ["ads_management", "ads_read", "business_management", "pages_show_list", "pages_read_engagement"];
export const SAM_ACCOUNT = `act_${SANDBOX.sam.adAccountId}`;

/** A 1×1 PNG; `variant` changes a byte after the image data, so each image gets its own hash. */
export const png = (variant: number) => {
  const bytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  return Buffer.concat([bytes, Buffer.from([variant & 0xff])]);
};

/** The emulator on a loopback port, signing with the sandbox app secret the app uses. */
export async function startTestGraph(): Promise<{ url: string; emulator: GraphEmulator; close(): Promise<void> }> {
  return startGraphEmulator({ appId: metaConfig().appId, appSecret: metaConfig().appSecret, accessTier: "standard" });
}

/** A stored connection for Sam, as the connect flow leaves it, with a token the emulator knows. */
export async function connectSam(userId: string, emulator: GraphEmulator, scopes = ALL_SCOPES): Promise<string> {
  const id = randomUUID();
  const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes });
  await db.insert(metaAccounts).values({
    id,
    userId,
    metaUserId: SANDBOX.sam.userId,
    name: "Sam Sandbox",
    accessToken: encryptSecret(token, secretContext("meta_accounts.access_token", id)),
    tokenExpiresAt: new Date(Date.now() + 50 * 86_400_000),
    permissions: scopes,
    adAccountIds: [SAM_ACCOUNT],
    sandbox: true,
    pages: [{ id: SANDBOX.sam.pageId, name: "Sam's Sandbox Shop" }],
  });
  return id;
}

export async function storeAsset(userId: string, kind: "image" | "video", bytes: Buffer): Promise<string> {
  const id = randomUUID();
  const key = userFileKey(userId, "creatives", `${id}.${kind === "image" ? "png" : "mp4"}`);
  const mimeType = kind === "image" ? "image/png" : "video/mp4";
  await storage().put(key, bytes, mimeType);
  await db.insert(creativeAssets).values({
    id,
    userId,
    assetType: kind,
    source: "uploaded",
    fileUrl: fileUrl(key),
    storageKey: key,
    fileSize: bytes.length,
    mimeType,
    format: "1:1",
    width: 1080,
    height: 1080,
  });
  return id;
}

export type CampaignSetup = {
  purpose?: CampaignPurpose;
  name?: string;
  launchAs?: "ACTIVE" | "PAUSED";
  budget?: NonNullable<CampaignDraft["budget"]>;
  promoted?: PromotedSetup;
  audience?: Partial<CampaignAudience>;
  ads?: Array<{ kind: "image" | "video"; bytes?: Buffer; link?: string; callToAction?: string }>;
};

/** A campaign as the wizard saves it when the user presses Launch: complete, not launched. */
export async function createCampaign(userId: string, metaAccountId: string, setup: CampaignSetup = {}): Promise<{ id: string; adIds: string[] }> {
  const budget = setup.budget ?? { kind: "daily", amount: 2500, level: "campaign" };
  const [campaign] = await db
    .insert(campaigns)
    .values({
      userId,
      metaAccountId,
      adAccountId: SAM_ACCOUNT,
      name: setup.name ?? "Spring sale",
      purpose: setup.purpose ?? "sales",
      currency: "USD",
      dailyBudget: budget.kind === "daily" ? (budget.amount / 100).toFixed(2) : null,
      totalBudget: budget.kind === "lifetime" ? (budget.amount / 100).toFixed(2) : null,
      draft: { step: "review", budget, launchAs: setup.launchAs ?? "ACTIVE" },
      audience: {
        countries: ["US"],
        ageMin: 25,
        ageMax: 54,
        genders: [],
        placements: ["facebook_feed", "instagram_feed"],
        customAudienceIds: [],
        excludedAudienceIds: [],
        advantageAudience: false,
        ...setup.audience,
      },
      promoted: setup.promoted ?? { pageId: SANDBOX.sam.pageId, pixelId: SANDBOX.sam.pixelId },
      startTime: budget.startTime ? new Date(budget.startTime) : null,
      endTime: budget.endTime ? new Date(budget.endTime) : null,
    })
    .returning();
  const adIds: string[] = [];
  const ads = setup.ads ?? [{ kind: "image" }, { kind: "image" }];
  for (const [index, ad] of ads.entries()) {
    const bytes = ad.bytes ?? (ad.kind === "image" ? png(index + 1) : randomBytes(1024 * 1024 + 4096));
    const assetId = await storeAsset(userId, ad.kind, bytes);
    const [row] = await db
      .insert(campaignAds)
      .values({
        campaignId: campaign!.id,
        userId,
        assetId,
        position: index,
        primaryText: `Fresh sourdough every morning, ad ${index + 1}`,
        headline: `Bake day ${index + 1}`,
        description: "20% off this weekend",
        callToAction: ad.callToAction ?? "SHOP_NOW",
        link: ad.link ?? "https://bakery.example/spring",
      })
      .returning({ id: campaignAds.id });
    adIds.push(row!.id);
  }
  return { id: campaign!.id, adIds };
}

/** Delivers a run again and again, as QStash would (waits and retries included), until it ends. */
export async function runUntilDone(runId: string, maxDeliveries = 20): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  let retries = 0;
  for (let delivery = 0; delivery < maxDeliveries; delivery++) {
    const outcome = await executeRun(runId, retries);
    outcomes.push(outcome);
    if (outcome.kind === "retry") retries++;
    if (outcome.kind === "succeeded" || outcome.kind === "failed" || outcome.kind === "skipped") return outcomes;
  }
  throw new Error(`run ${runId} did not finish in ${maxDeliveries} deliveries: ${JSON.stringify(outcomes.slice(-3))}`);
}

/** What the emulator holds for one launch, by the marker in the names. */
export async function tagged(emulator: GraphEmulator, marker: string) {
  const accountId = SANDBOX.sam.adAccountId;
  const mine = <R extends { name: string }>(rows: R[]) => rows.filter((row) => row.name.includes(`[${marker}`));
  const [campaignRows, adSets, creatives, ads] = await Promise.all([
    emulator.store.list("campaigns", { accountId }),
    emulator.store.list("adSets", { accountId }),
    emulator.store.list("creatives", { accountId }),
    emulator.store.list("ads", { accountId }),
  ]);
  return { campaigns: mine(campaignRows), adSets: mine(adSets), creatives: mine(creatives), ads: mine(ads) };
}

export async function campaignRow(id: string) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return row!;
}

export async function adRows(campaignId: string) {
  return db.select().from(campaignAds).where(eq(campaignAds.campaignId, campaignId)).orderBy(campaignAds.position);
}

export async function auditActions(userId: string, prefix = "") {
  const rows = await db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), like(auditLog.action, `${prefix}%`)));
  return rows.map((row) => row.action).sort();
}
