import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaigns, creativeAssets, generationRequests, jobRuns, optimizerRecommendations, users, type MetaAdAccount } from "@/db/schema";
import { brandEditInput, saveBrandEdits } from "@/lib/brand/edit";
import { createDraft } from "@/lib/campaigns/drafts";
import { createCampaign } from "@/lib/campaigns/launch/test-fixtures";
import type { SessionUser } from "@/lib/auth/session";
import { createOAuthState } from "@/lib/meta/oauth-state";
import { addDays } from "@/lib/analytics/range";
import { createLaunchedCampaign, insertDays } from "@/tests/support/analytics-fixtures";
import { createConnection } from "@/tests/support/meta-fixtures";
import { createTenants } from "@/tests/support/tenancy";

/**
 * Alice's account with something behind every id an action or route accepts,
 * and Bob's small one (a connection and a draft of his own, for the cases that
 * mix his ids with hers). `secrets` are the strings of Alice's that must never
 * reach Bob: names, ids, texts only she wrote.
 */
export type World = {
  alice: SessionUser;
  bob: SessionUser;
  a: {
    connection: string;
    adAccounts: MetaAdAccount[];
    /** A draft whose launch failed: editable, resumable, duplicable by its owner. */
    draft: string;
    launched: string;
    assets: string[];
    fileKey: string;
    generationRequest: string;
    openAdvice: string;
    appliedAdvice: string;
    failedRun: string;
    oauthState: string;
  };
  b: { connection: string; adAccount: MetaAdAccount; draft: string };
  secrets: string[];
};

export async function seedWorld(): Promise<World> {
  const tenants = await createTenants();
  // The top plan for both, so no plan limit (autopilot, ad accounts) answers before the ownership check does.
  await db.update(users).set({ subscriptionTier: "business" }).where(inArray(users.id, [tenants.alice.id, tenants.bob.id]));
  const alice = { ...tenants.alice, subscriptionTier: "business" as const };
  const bob = { ...tenants.bob, subscriptionTier: "business" as const };

  const aliceConnection = await createConnection(alice.id, { adAccounts: 2, connected: 2 });
  const draft = await createCampaign(alice.id, aliceConnection.id, { name: "Alice secret spring sale" });
  await db
    .update(campaigns)
    .set({ adAccountId: aliceConnection.adAccounts[0]!.adAccountId, launchState: "failed", launchError: "Alice secret launch error" })
    .where(eq(campaigns.id, draft.id));
  const assets = (await db.select({ assetId: campaignAds.assetId }).from(campaignAds).where(eq(campaignAds.campaignId, draft.id))).map((row) => row.assetId);
  const [asset] = await db.update(creativeAssets).set({ tags: ["alice-secret-tag"], prompt: "Alice secret asset prompt" }).where(eq(creativeAssets.id, assets[0]!)).returning();

  const launched = await createLaunchedCampaign(alice.id, { name: "Alice secret evergreen" });
  await db
    .update(campaigns)
    .set({ metaAccountId: aliceConnection.id, adAccountId: aliceConnection.adAccounts[0]!.adAccountId, dailyBudget: "25.00", optimizerMode: "recommend" })
    .where(eq(campaigns.id, launched.id));
  // Recent days, so an export of "the last 28 days" would include them if the filter leaked.
  const today = new Date().toISOString().slice(0, 10);
  await insertDays(
    alice.id,
    launched.id,
    [1, 2, 3].map((back) => ({ date: addDays(today, -back), spendCents: 123_45, impressions: 9_876, clicks: 321, conversions: 7, valueCents: 777_77 })),
  );

  const [request] = await db
    .insert(generationRequests)
    .values({
      userId: alice.id,
      assetType: "image",
      prompt: "Alice secret generation prompt",
      params: { formats: ["1:1"], style: "bold", useBrand: false, variants: 1, tags: ["alice-secret-tag"] },
      units: 1,
      produced: 1,
      status: "succeeded",
      provider: "offline",
    })
    .returning();

  const move = { campaignId: launched.id, name: "Alice secret evergreen", from: 2500, to: 3000, frozen: false, reason: "Alice secret reason" };
  const advice = (status: "open" | "applied") => ({
    userId: alice.id,
    adAccountId: aliceConnection.adAccounts[0]!.id,
    kind: "budget" as const,
    groupKey: `alice-secret-group-${status}-${randomUUID()}`,
    forDate: today,
    status,
    currency: "USD",
    changes: [status === "applied" ? { ...move, runId: randomUUID() } : move],
    explanation: `Alice secret advice (${status})`,
  });
  const [openAdvice] = await db.insert(optimizerRecommendations).values(advice("open")).returning();
  const [appliedAdvice] = await db.insert(optimizerRecommendations).values(advice("applied")).returning();

  const [failedRun] = await db
    .insert(jobRuns)
    .values({ userId: alice.id, kind: "creative.generate", idempotencyKey: `alice-secret-${randomUUID()}`, payload: { requestId: request!.id }, status: "failed", error: "Alice secret failure" })
    .returning();

  await saveBrandEdits(alice.id, brandEditInput.parse({ name: "Alice Secret Bakery", summary: "Alice secret brand summary", primary: "#112233", secondary: "", accent: "", background: "", text: "" }));

  const bobConnection = await createConnection(bob.id, { adAccounts: 1, connected: 1 });
  const bobDraft = await createDraft(bob.id, {
    name: "Bob's own draft",
    purpose: "lead_generation",
    adAccountId: bobConnection.adAccounts[0]!.adAccountId,
    metaAccountId: bobConnection.id,
  });

  return {
    alice,
    bob,
    a: {
      connection: aliceConnection.id,
      adAccounts: aliceConnection.adAccounts,
      draft: draft.id,
      launched: launched.id,
      assets,
      fileKey: asset!.storageKey,
      generationRequest: request!.id,
      openAdvice: openAdvice!.id,
      appliedAdvice: appliedAdvice!.id,
      failedRun: failedRun!.id,
      oauthState: createOAuthState(alice.id),
    },
    b: { connection: bobConnection.id, adAccount: bobConnection.adAccounts[0]!, draft: bobDraft!.campaignId },
    secrets: [
      alice.id,
      alice.email,
      "Alice secret",
      "alice-secret",
      aliceConnection.id,
      aliceConnection.metaUserId,
      ...aliceConnection.adAccounts.flatMap((account) => [account.id, account.adAccountId]),
      draft.id,
      ...draft.adIds,
      launched.id,
      launched.metaCampaignId!,
      ...assets,
      request!.id,
      openAdvice!.id,
      appliedAdvice!.id,
      failedRun!.id,
    ],
  };
}
