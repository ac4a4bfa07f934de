import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, campaignAds, campaignAssets, campaigns, creativeAssets, type AssetFormat } from "@/db/schema";
import { SANDBOX } from "@/emulators/meta-graph";
import { createTenants, createUser } from "@/tests/support/tenancy";
import { createDraft, getDraft, saveStep } from "./drafts";
import { launchProblems } from "./launch-problems";
import { connectSandbox, startSandbox } from "./test-sandbox";
import { audienceStepSchema, budgetStepSchema, creativesStepSchema, launchStepSchema, purposeStepSchema } from "./validation";

const graph = vi.hoisted(() => ({ base: "" }));
// Each user's sandbox on this file's server (the configured port belongs to the connect-flow test).
vi.mock("@/lib/meta/config", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/meta/config")>();
  const endpoints = (userId: string) => {
    const url = `${graph.base}${actual.SANDBOX_GRAPH_PATH}/${actual.sandboxScope(userId)}`;
    return { graphUrl: url, dialogUrl: url };
  };
  return { ...actual, metaEndpoints: endpoints };
});

let sandbox: { url: string; close(): Promise<void> };
beforeAll(async () => {
  sandbox = await startSandbox();
  graph.base = sandbox.url;
});
afterAll(async () => sandbox?.close());

const { sam, riley } = SANDBOX;
const USD = `act_${sam.adAccountId}`;
const EUR = `act_${sam.eurAdAccountId}`;

async function addAsset(userId: string, format: AssetFormat = "1:1"): Promise<string> {
  const id = randomUUID();
  await db.insert(creativeAssets).values({
    id,
    userId,
    assetType: "image",
    fileUrl: `/api/files/users/${userId}/creatives/${id}.png`,
    storageKey: `users/${userId}/creatives/${id}.png`,
    fileSize: 1000,
    mimeType: "image/png",
    format,
  });
  return id;
}

const ad = (assetId: string, headline = "Bake day") => ({ assetId, primaryText: "Fresh sourdough every morning.", headline, callToAction: "SHOP_NOW", link: "https://bakery.example/shop" });
const purposeInput = (overrides: Record<string, unknown> = {}) =>
  purposeStepSchema.parse({ name: "Spring sale", purpose: "sales", adAccountId: USD, pageId: sam.pageId, pixelId: sam.pixelId, ...overrides });
const audienceInput = (overrides: Record<string, unknown> = {}) =>
  audienceStepSchema("sales").parse({ countries: "US", ageMin: "25", ageMax: "54", placements: ["facebook_feed", "instagram_feed"], advantageAudience: "on", ...overrides });
const budgetInput = (currency = "USD") => budgetStepSchema(currency).parse({ kind: "daily", amount: "20" });

/** A user with a sandbox connection and a sales draft on the USD account. */
async function salesDraft() {
  const user = await createUser();
  const connection = await connectSandbox(user.id);
  const draft = await createDraft(user.id, { name: "Spring sale", purpose: "sales", adAccountId: USD, metaAccountId: connection.metaAccountId });
  return { user, connection, campaignId: draft!.campaignId };
}

/** Every step saved: the draft a marketer reaches the review page with. */
async function completeDraft() {
  const setup = await salesDraft();
  const { user, campaignId } = setup;
  const assets = [await addAsset(user.id, "1:1"), await addAsset(user.id, "9:16")];
  for (const result of [
    await saveStep(user.id, campaignId, "purpose", purposeInput()),
    await saveStep(user.id, campaignId, "audience", audienceInput({ placements: ["facebook_feed", "instagram_stories"] })),
    await saveStep(user.id, campaignId, "budget", budgetInput()),
    await saveStep(user.id, campaignId, "creatives", creativesStepSchema.parse({ ads: assets.map((id) => ad(id)) })),
    await saveStep(user.id, campaignId, "review", launchStepSchema.parse({ launchAs: "PAUSED" })),
  ]) {
    expect(result).toMatchObject({ ok: true });
  }
  return { ...setup, assets };
}

describe("campaign drafts", () => {
  it("starts a draft on the user's ad account, in its currency, and audits it", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    const draft = await createDraft(user.id, { name: "Herbst", purpose: "brand_awareness", adAccountId: EUR });
    const view = await getDraft(user.id, draft!.campaignId);
    expect(view?.campaign).toMatchObject({ name: "Herbst", currency: "EUR", adAccountId: EUR, metaAccountId: connection.metaAccountId, status: "draft", draft: { step: "purpose" } });
    expect(view?.ads).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, draft!.campaignId))).toEqual([expect.objectContaining({ action: "campaign.draft_create" })]);
  });

  it("saves each step, moves the wizard on and reads it all back", async () => {
    const { user, campaignId } = await salesDraft();
    const [square, vertical] = [await addAsset(user.id, "1:1"), await addAsset(user.id, "9:16")];

    expect(await saveStep(user.id, campaignId, "purpose", purposeInput({ name: "Spring sale 2" }))).toMatchObject({ ok: true, draft: { step: "audience" } });
    const audience = audienceInput({ customAudienceIds: sam.customAudienceId });
    expect(await saveStep(user.id, campaignId, "audience", audience)).toMatchObject({ ok: true, draft: { step: "budget", audience } });
    expect(await saveStep(user.id, campaignId, "budget", budgetInput())).toMatchObject({ ok: true, draft: { step: "creatives", budget: { kind: "daily", amount: 2000, level: "campaign" } } });
    const ads = creativesStepSchema.parse({ ads: JSON.stringify([ad(vertical, "Vertical first"), ad(square, "Then square")]) });
    expect(await saveStep(user.id, campaignId, "creatives", ads)).toMatchObject({ ok: true, draft: { step: "review" } });
    expect(await saveStep(user.id, campaignId, "review", { launchAs: "ACTIVE" })).toMatchObject({ ok: true, draft: { step: "review", launchAs: "ACTIVE" } });

    const view = await getDraft(user.id, campaignId);
    expect(view!.campaign).toMatchObject({
      name: "Spring sale 2",
      promoted: { pageId: sam.pageId, pixelId: sam.pixelId },
      audience,
      dailyBudget: "20.00",
      totalBudget: null,
      currency: "USD",
    });
    expect(view!.ads.map((row) => [row.position, row.headline, row.asset.id, row.asset.format])).toEqual([
      [0, "Vertical first", vertical, "9:16"],
      [1, "Then square", square, "1:1"],
    ]);
    expect((await db.select().from(campaignAssets).where(eq(campaignAssets.campaignId, campaignId))).map((row) => row.assetId).sort()).toEqual([square, vertical].sort());

    // Going back to an earlier step keeps the wizard where the user got to.
    expect(await saveStep(user.id, campaignId, "audience", audienceInput())).toMatchObject({ ok: true, draft: { step: "review" } });
  });

  it("replaces the ads as a whole, and refuses a creative that isn't the user's without touching the saved ones", async () => {
    const { alice, bob } = await createTenants();
    await connectSandbox(alice.id);
    const { campaignId } = (await createDraft(alice.id, { name: "A", purpose: "sales", adAccountId: USD }))!;
    const [first, second] = [await addAsset(alice.id), await addAsset(alice.id)];
    await saveStep(alice.id, campaignId, "creatives", creativesStepSchema.parse({ ads: [ad(first), ad(second)] }));
    expect(await saveStep(alice.id, campaignId, "creatives", creativesStepSchema.parse({ ads: [ad(second, "Only one")] }))).toMatchObject({ ok: true });
    const rows = async () => db.select().from(campaignAds).where(eq(campaignAds.campaignId, campaignId)).orderBy(asc(campaignAds.position));
    expect((await rows()).map((row) => [row.assetId, row.headline])).toEqual([[second, "Only one"]]);
    expect((await db.select().from(campaignAssets).where(eq(campaignAssets.campaignId, campaignId))).map((row) => row.assetId)).toEqual([second]);

    const bobsAsset = await addAsset(bob.id);
    expect(await saveStep(alice.id, campaignId, "creatives", creativesStepSchema.parse({ ads: [ad(first), ad(bobsAsset)] }))).toMatchObject({
      ok: false,
      error: "invalid",
      field: "ads",
    });
    expect(await saveStep(alice.id, campaignId, "creatives", creativesStepSchema.parse({ ads: [ad(randomUUID())] }))).toMatchObject({ ok: false, error: "invalid" });
    expect((await rows()).map((row) => row.assetId)).toEqual([second]);
  });

  it("checks custom audiences against the campaign's ad account on Meta", async () => {
    const { user, campaignId } = await salesDraft();
    expect(await saveStep(user.id, campaignId, "audience", audienceInput({ excludedAudienceIds: riley.customAudienceId }))).toMatchObject({
      ok: false,
      error: "invalid",
      field: "customAudienceIds",
    });
    // The EUR account's audience is Sam's too, but not on this campaign's (USD) account.
    expect(await saveStep(user.id, campaignId, "audience", audienceInput({ customAudienceIds: sam.eurCustomAudienceId }))).toMatchObject({ ok: false, error: "invalid" });
    expect((await getDraft(user.id, campaignId))!.campaign.audience).toBeNull();
  });

  it("moving to another ad account takes its currency and starts the budget and audiences over", async () => {
    const { user, campaignId } = await salesDraft();
    await saveStep(user.id, campaignId, "audience", audienceInput({ customAudienceIds: sam.customAudienceId }));
    await saveStep(user.id, campaignId, "budget", budgetInput());
    expect(await saveStep(user.id, campaignId, "purpose", purposeInput({ adAccountId: EUR, pixelId: sam.eurPixelId }))).toMatchObject({ ok: true });
    const { campaign } = (await getDraft(user.id, campaignId))!;
    expect(campaign).toMatchObject({ adAccountId: EUR, currency: "EUR", dailyBudget: null, audience: { customAudienceIds: [], countries: ["US"] } });
    expect(campaign.draft.budget).toBeUndefined();
    // A budget parsed for the old currency is refused.
    expect(await saveStep(user.id, campaignId, "budget", budgetInput("USD"))).toMatchObject({ ok: false, error: "invalid", field: "amount" });
    expect(await saveStep(user.id, campaignId, "budget", budgetInput("EUR"))).toMatchObject({ ok: true });
  });

  it("another user's campaign or ad account is not found, and launched campaigns are not edited", async () => {
    const { alice, bob } = await createTenants();
    const aliceConnection = await connectSandbox(alice.id);
    await connectSandbox(bob.id);
    const { campaignId } = (await createDraft(alice.id, { name: "A", purpose: "sales", adAccountId: USD }))!;

    expect(await createDraft(bob.id, { name: "B", purpose: "sales", adAccountId: USD, metaAccountId: aliceConnection.metaAccountId })).toBeNull();
    expect(await getDraft(bob.id, campaignId)).toBeNull();
    expect(await launchProblems(bob.id, campaignId)).toBeNull();
    for (const [step, input] of [
      ["purpose", purposeInput()],
      ["audience", audienceInput()],
      ["budget", budgetInput()],
      ["creatives", creativesStepSchema.parse({ ads: [ad(await addAsset(bob.id))] })],
      ["review", { launchAs: "ACTIVE" }],
    ] as const) {
      expect(await saveStep(bob.id, campaignId, step, input as never)).toMatchObject({ ok: false, error: "not_found" });
    }
    // Bob's own draft cannot be moved onto Alice's connection either.
    const bobs = (await createDraft(bob.id, { name: "B", purpose: "sales", adAccountId: USD }))!;
    expect(await saveStep(bob.id, bobs.campaignId, "purpose", purposeInput({ metaAccountId: aliceConnection.metaAccountId }))).toMatchObject({ ok: false, field: "adAccountId" });

    await db.update(campaigns).set({ launchState: "launched" }).where(eq(campaigns.id, campaignId));
    expect(await saveStep(alice.id, campaignId, "budget", budgetInput())).toMatchObject({ ok: false, error: "not_editable" });
    await db.update(campaigns).set({ launchState: "failed" }).where(eq(campaigns.id, campaignId));
    expect(await saveStep(alice.id, campaignId, "budget", budgetInput())).toMatchObject({ ok: true });
  });
});

describe("launch problems", () => {
  it("a complete draft is ready to launch", async () => {
    const { user, campaignId } = await completeDraft();
    expect(await launchProblems(user.id, campaignId)).toEqual([]);
  });

  it("lists every unfinished step of a new draft", async () => {
    const { user, campaignId } = await salesDraft();
    const problems = await launchProblems(user.id, campaignId);
    expect(problems!.map((problem) => [problem.step, problem.message])).toEqual([
      ["audience", "Choose who should see the ads."],
      ["budget", "Set a budget and schedule."],
      ["creatives", "Add at least one ad."],
      ["review", "Choose whether the ads start right away or paused."],
      ["purpose", "Choose the Facebook Page these ads run from."],
      ["purpose", "Choose the Meta Pixel installed on your website."],
    ]);
  });

  it("finds creatives that don't fit the placements, and ones that aren't the user's", async () => {
    const { user, campaignId, assets } = await completeDraft();
    await db.delete(campaignAds).where(eq(campaignAds.assetId, assets[1]!));
    expect(await launchProblems(user.id, campaignId)).toEqual([
      { step: "creatives", message: "Stories and Reels need a vertical (9:16) creative; add one or remove that placement.", fix: null },
    ]);

    // A row pointing at someone else's creative (written around the wizard) is caught too.
    const stranger = await createUser();
    await db.insert(campaignAds).values({ ...ad(await addAsset(stranger.id, "9:16")), campaignId, userId: user.id, position: 5, description: "" });
    expect(await launchProblems(user.id, campaignId)).toEqual([
      { step: "creatives", message: "Ad 2: its creative isn't in your library any more.", fix: "Choose another creative for it." },
      { step: "creatives", message: "Stories and Reels need a vertical (9:16) creative; add one or remove that placement.", fix: null },
    ]);
  });

  it("re-checks the budget as of now and the prerequisites on Meta", async () => {
    const { user, campaignId, connection } = await completeDraft();
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    await db
      .update(campaigns)
      .set({ draft: { ...row!.draft, budget: { kind: "lifetime", amount: 5000, level: "campaign" } } })
      .where(eq(campaigns.id, campaignId));
    await connection.store.delete("pixels", sam.pixelId);
    expect(await launchProblems(user.id, campaignId)).toEqual([
      { step: "budget", message: "A lifetime budget needs an end date. Add one, or switch to a daily budget.", fix: null },
      { step: "purpose", message: expect.stringContaining("no Meta Pixel"), fix: "Create a Meta Pixel in Events Manager and install it on your site, then come back." },
    ]);
  });

  it("a purpose changed to retargeting after the audience was saved needs a custom audience", async () => {
    const { user, campaignId } = await completeDraft();
    await saveStep(user.id, campaignId, "purpose", purposeInput({ purpose: "retargeting" }));
    const problems = await launchProblems(user.id, campaignId);
    expect(problems!.filter((problem) => problem.step === "audience").map((problem) => problem.message)).toEqual([
      expect.stringContaining("at least one custom audience"),
      expect.stringContaining("Switch Advantage+ audience off"),
    ]);
  });
});
