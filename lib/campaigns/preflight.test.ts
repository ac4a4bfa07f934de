import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { metaAccounts, metaAdAccounts, type CampaignPurpose, type PromotedSetup } from "@/db/schema";
import { SANDBOX } from "@/emulators/meta-graph";
import { createTenants, createUser } from "@/tests/support/tenancy";
import { preflightChecks, type PreflightResult } from "./preflight";
import { connectSandbox, startSandbox, type SandboxConnection } from "./test-sandbox";

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

const { sam, riley, app } = SANDBOX;
const USD = `act_${sam.adAccountId}`;
const EUR = `act_${sam.eurAdAccountId}`;

async function check(userId: string, connection: SandboxConnection, purpose: CampaignPurpose, promoted: PromotedSetup, extra: { adAccountId?: string; customAudienceIds?: string[] } = {}) {
  const result = await preflightChecks(userId, { metaAccountId: connection.metaAccountId, adAccountId: extra.adAccountId ?? USD, purpose, promoted, customAudienceIds: extra.customAudienceIds });
  if (!result.found) throw new Error("expected the ad account to be found");
  return result;
}

const failing = (result: Extract<PreflightResult, { found: true }>) => result.checks.filter((line) => !line.ok).map((line) => ({ requirement: line.requirement, message: line.message, fix: line.fix }));

describe("preflight against the Meta sandbox", () => {
  it("a sales campaign with its Page and pixel is ready, and lists what the account offers", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    const result = await check(user.id, connection, "sales", { pageId: sam.pageId, pixelId: sam.pixelId });
    expect(failing(result)).toEqual([]);
    expect(result.ready).toBe(true);
    expect(result.checks.map((line) => line.requirement)).toEqual(["ad_account", "page", "pixel"]);
    expect(result.setup).toMatchObject({
      account: { currency: "USD", accountStatus: 1 },
      pages: [{ id: sam.pageId }],
      pagesSource: "meta",
      pixels: [{ id: sam.pixelId }],
      customAudiences: [{ id: sam.customAudienceId }],
    });
  });

  it("sales on an account without a pixel says to create one in Events Manager", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    await connection.store.delete("pixels", sam.eurPixelId);
    const result = await check(user.id, connection, "sales", { pageId: sam.pageId }, { adAccountId: EUR });
    expect(result.ready).toBe(false);
    expect(failing(result)).toEqual([
      {
        requirement: "pixel",
        message: expect.stringContaining("no Meta Pixel"),
        fix: "Create a Meta Pixel in Events Manager and install it on your site, then come back.",
      },
    ]);
    // The USD account of the same user still has its pixel: the removal was the EUR account's only.
    expect(failing(await check(user.id, connection, "sales", { pageId: sam.pageId, pixelId: sam.pixelId }))).toEqual([]);
  });

  it("sales with no pixel chosen, or another account's pixel, is refused with the account's pixels named", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    expect(failing(await check(user.id, connection, "sales", { pageId: sam.pageId }))).toEqual([
      { requirement: "pixel", message: "Choose the Meta Pixel installed on your website.", fix: expect.stringContaining("Sam Sandbox Pixel") },
    ]);
    const wrongAccount = await check(user.id, connection, "sales", { pageId: sam.pageId, pixelId: sam.pixelId }, { adAccountId: EUR });
    expect(failing(wrongAccount)).toEqual([{ requirement: "pixel", message: "The pixel you chose isn't on this ad account.", fix: expect.stringContaining("Sam Sandbox Pixel (EU)") }]);
  });

  it("every purpose needs a Page the user can promote", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    expect(failing(await check(user.id, connection, "brand_awareness", {}))).toEqual([
      { requirement: "page", message: "Choose the Facebook Page these ads run from.", fix: expect.stringContaining("Sam's Sandbox Shop") },
    ]);
    // Riley's Page exists on Meta, but this login cannot advertise for it.
    expect(failing(await check(user.id, connection, "lead_generation", { pageId: riley.pageId }))).toEqual([
      { requirement: "page", message: expect.stringContaining("isn't one your Meta login can advertise for"), fix: expect.any(String) },
    ]);
    await connection.store.delete("pages", sam.pageId);
    expect(failing(await check(user.id, connection, "lead_generation", { pageId: sam.pageId }))).toEqual([
      { requirement: "page", message: expect.stringContaining("doesn't manage any Facebook Page"), fix: expect.stringContaining("Create a Facebook Page") },
    ]);
    expect((await check(user.id, connection, "lead_generation", { pageId: sam.pageId })).setup?.pages).toEqual([]);
  });

  it("falls back to the Pages stored at connect time when Meta will not list them", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id, { scopes: ["ads_management", "ads_read"] });
    const result = await check(user.id, connection, "brand_awareness", { pageId: sam.pageId });
    expect(result.ready).toBe(true);
    expect(result.setup?.pagesSource).toBe("stored");
  });

  it("retargeting needs a custom audience on the account", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    expect((await check(user.id, connection, "retargeting", { pageId: sam.pageId }, { customAudienceIds: [sam.customAudienceId] })).ready).toBe(true);

    await connection.store.delete("customAudiences", sam.eurCustomAudienceId);
    expect(failing(await check(user.id, connection, "retargeting", { pageId: sam.pageId }, { adAccountId: EUR }))).toEqual([
      { requirement: "custom_audience", message: expect.stringContaining("no custom audiences"), fix: expect.stringContaining("Create a custom audience") },
    ]);
    expect(failing(await check(user.id, connection, "retargeting", { pageId: sam.pageId }, { customAudienceIds: [] }))).toEqual([
      { requirement: "custom_audience", message: "Choose who to win back: at least one custom audience.", fix: expect.stringContaining("Website visitors") },
    ]);
    // Another account's audience cannot be used here, whatever the purpose.
    expect(failing(await check(user.id, connection, "sales", { pageId: sam.pageId, pixelId: sam.pixelId }, { customAudienceIds: [riley.customAudienceId] }))).toEqual([
      { requirement: "audiences", message: expect.stringContaining("aren't on this ad account"), fix: expect.any(String) },
    ]);
  });

  it("app installs need a numeric App ID and an App Store or Google Play link", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    const appCheck = async (promoted: PromotedSetup) => failing(await check(user.id, connection, "app_installs", { pageId: sam.pageId, ...promoted }));
    expect(await appCheck({ applicationId: app.applicationId, objectStoreUrl: app.objectStoreUrl })).toEqual([]);
    expect(await appCheck({ applicationId: app.applicationId, objectStoreUrl: app.iosObjectStoreUrl })).toEqual([]);
    expect(await appCheck({ objectStoreUrl: app.objectStoreUrl })).toEqual([{ requirement: "app", message: expect.stringContaining("App ID"), fix: expect.stringContaining("developers.facebook.com") }]);
    expect(await appCheck({ applicationId: "my-app", objectStoreUrl: app.objectStoreUrl })).toEqual([{ requirement: "app", message: expect.stringContaining("should be a number"), fix: expect.any(String) }]);
    for (const url of ["https://example.com/app", "http://apps.apple.com/app/id6000000001", "https://play.google.com/store/apps/details", "https://apps.apple.com.evil.test/app/id1"]) {
      expect(await appCheck({ applicationId: app.applicationId, objectStoreUrl: url })).toEqual([
        { requirement: "app", message: expect.stringContaining("apps.apple.com or play.google.com"), fix: expect.any(String) },
      ]);
    }
  });

  it("event promotion needs the event, by id or link", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    const eventCheck = async (eventId?: string) => failing(await check(user.id, connection, "event_promotion", { pageId: sam.pageId, eventId }));
    expect(await eventCheck()).toEqual([{ requirement: "event", message: "Choose the Facebook event to promote.", fix: expect.any(String) }]);
    expect(await eventCheck("summer party")).toEqual([{ requirement: "event", message: "That doesn't look like a Facebook event.", fix: expect.any(String) }]);
    expect(await eventCheck("https://www.facebook.com/events/987654321/")).toEqual([]);
    expect(await eventCheck("987654321")).toEqual([]);
  });

  it("store visits work without a locations set, and check one when given", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    expect(failing(await check(user.id, connection, "store_visits", { pageId: sam.pageId }))).toEqual([]);
    expect(failing(await check(user.id, connection, "store_visits", { pageId: sam.pageId, placePageSetId: "Main St" }))).toEqual([
      { requirement: "place_page_set", message: expect.any(String), fix: expect.any(String) },
    ]);
  });

  it("explains a connection that needs reconnecting, and still checks what it can", async () => {
    const user = await createUser();
    const connection = await connectSandbox(user.id);
    await db.update(metaAccounts).set({ status: "reconnect_required" }).where(eq(metaAccounts.id, connection.metaAccountId));
    const result = await check(user.id, connection, "app_installs", { pageId: sam.pageId, applicationId: app.applicationId, objectStoreUrl: "https://example.com" });
    expect(result.setup).toBeNull();
    expect(failing(result).map((line) => line.requirement)).toEqual(["connection", "app"]);
    expect(failing(result)[0]!.message).toMatch(/reconnected/);
  });

  it("another user's ad account, or one switched off, is not found", async () => {
    const { alice, bob } = await createTenants();
    const aliceConnection = await connectSandbox(alice.id);
    const input = { metaAccountId: aliceConnection.metaAccountId, adAccountId: USD, purpose: "sales" as const, promoted: { pageId: sam.pageId, pixelId: sam.pixelId } };
    expect(await preflightChecks(bob.id, input)).toEqual({ found: false });
    expect(await preflightChecks(bob.id, { ...input, metaAccountId: null })).toEqual({ found: false });
    // Bob's own connection reaches the same Meta ids, but not through Alice's connection.
    await connectSandbox(bob.id);
    expect(await preflightChecks(bob.id, input)).toEqual({ found: false });

    await db.update(metaAdAccounts).set({ connected: false }).where(eq(metaAdAccounts.id, aliceConnection.eur.id));
    expect(await preflightChecks(alice.id, { ...input, adAccountId: EUR })).toEqual({ found: false });
    expect((await preflightChecks(alice.id, input)).found).toBe(true);
  });
});
