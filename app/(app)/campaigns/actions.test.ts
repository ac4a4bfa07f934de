import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { campaigns, generationRequests, jobRuns, metaAdAccounts } from "@/db/schema";
import type { GraphEmulator } from "@/emulators/meta-graph";
import { connectSam, createCampaign, startTestGraph } from "@/lib/campaigns/launch/test-fixtures";
import "@/lib/jobs/catalog";
import { actAs, createTenants } from "@/tests/support/tenancy";

const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/meta/config", async (original) => ({
  ...(await original<typeof import("@/lib/meta/config")>()),
  metaEndpoints: () => ({ graphUrl: graph.url, dialogUrl: graph.url }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const actions = await import("./actions");

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
beforeAll(async () => {
  server = await startTestGraph();
  graph.url = server.url;
});
afterAll(async () => server?.close());

/** Sam's sandbox connection with his USD ad account managed in AdPilot, as Settings leaves it. */
async function connectManaged(userId: string): Promise<string> {
  const connection = await connectSam(userId, server.emulator);
  await db
    .insert(metaAdAccounts)
    .values({ userId, metaAccountId: connection, adAccountId: "act_2000000000000001", name: "Sam's Shop", currency: "USD", timezone: "America/New_York", accountStatus: 1, connected: true, isDefault: true })
    .onConflictDoUpdate({ target: [metaAdAccounts.userId, metaAdAccounts.adAccountId], set: { connected: true, metaAccountId: connection } });
  return connection;
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};
const redirected = async (action: Promise<unknown>) => ((await action.catch((error: { url?: string }) => error)) as { url?: string }).url;

describe("campaign actions", () => {
  it("never touch another user's campaign", async () => {
    const { alice, bob } = await createTenants();
    const connection = await connectSam(alice.id, server.emulator);
    const { id } = await createCampaign(alice.id, connection);
    const before = (await db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;

    actAs(bob);
    expect(await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "review", launchAs: "ACTIVE" }))).toMatchObject({
      status: "error",
      message: "That campaign was not found.",
    });
    expect(await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "budget", kind: "daily", amount: "999" }))).toMatchObject({ status: "error" });
    expect(await redirected(actions.resumeLaunchAction(form({ campaignId: id })))).toBe("/campaigns?missing=1");
    expect(await redirected(actions.changeCampaignAction(form({ campaignId: id, kind: "pause" })))).toBe("/campaigns?missing=1");
    expect(await redirected(actions.duplicateCampaignAction(form({ campaignId: id })))).toBe("/campaigns?missing=1");
    expect((await actions.recommendAudienceAction({ status: "idle" }, form({ campaignId: id }))).message).toBe("That campaign was not found.");
    expect(await actions.createCampaignAction({ status: "idle" }, form({ name: "Stolen", purpose: "sales", account: `act_2000000000000001|${connection}` }))).toMatchObject({
      fieldErrors: { account: "Choose one of your connected ad accounts." },
    });

    const after = (await db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;
    expect(after).toEqual(before);
    expect(await db.select().from(campaigns).where(eq(campaigns.userId, bob.id))).toHaveLength(0);
    expect(await db.select().from(jobRuns).where(eq(jobRuns.userId, bob.id))).toHaveLength(0);
  });

  it("launches from the review step and refuses a second launch", async () => {
    const { alice } = await createTenants();
    const connection = await connectManaged(alice.id);
    const { id } = await createCampaign(alice.id, connection);
    actAs(alice);
    const result = await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "review", launchAs: "PAUSED" })).catch((error: { url?: string }) => error);
    expect(result).toMatchObject({ url: `/campaigns/${id}` });
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(campaign).toMatchObject({ launchState: "launching", draft: { launchAs: "PAUSED" } });
    expect(await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "review", launchAs: "ACTIVE" }))).toMatchObject({ status: "error" });
  });

  it("generates creatives in the shapes the campaign's placements need, for its owner only", async () => {
    const { alice, bob } = await createTenants();
    const connection = await connectSam(alice.id, server.emulator);
    const { id } = await createCampaign(alice.id, connection, { audience: { placements: ["instagram_feed", "instagram_stories"] } });
    actAs(bob);
    expect(await actions.generateForCampaignAction({ status: "idle" }, form({ campaignId: id, prompt: "x" }))).toMatchObject({ message: "That campaign was not found." });
    actAs(alice);
    const state = await actions.generateForCampaignAction({ status: "idle" }, form({ campaignId: id, prompt: "Fresh beans for winter" }));
    expect(state.runId).toBeTruthy();
    const [request] = await db.select().from(generationRequests).where(eq(generationRequests.userId, alice.id));
    expect(request).toMatchObject({ prompt: "Fresh beans for winter", params: { formats: ["1:1", "9:16"], purpose: "sales" } });
  });

  it("saves the goal step with the account as one field, and keeps Meta-created campaigns' goal fixed", async () => {
    const { alice } = await createTenants();
    const connection = await connectManaged(alice.id);
    const { id } = await createCampaign(alice.id, connection, { purpose: "brand_awareness" });
    actAs(alice);
    const account = `act_2000000000000001|${connection}`;
    // Switching to sales needs the pixel, which the form shows once "Sales" is picked.
    const missingPixel = await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "purpose", name: "Spring", purpose: "sales", account, pageId: "3000000000000001" }));
    expect(missingPixel.fieldErrors?.pixelId).toMatch(/pixel/i);
    const saved = await redirected(
      actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "purpose", name: "Spring", purpose: "sales", account, pageId: "3000000000000001", pixelId: "4000000000000001" })),
    );
    expect(saved).toMatch(new RegExp(`/campaigns/${id}/edit/`));
    expect((await db.select().from(campaigns).where(eq(campaigns.id, id)))[0]).toMatchObject({ purpose: "sales", promoted: { pixelId: "4000000000000001" } });

    await db.update(campaigns).set({ metaCampaignId: "120210000000000001", launchState: "failed" }).where(eq(campaigns.id, id));
    const locked = await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "purpose", name: "Spring", purpose: "brand_awareness", account, pageId: "3000000000000001" }));
    expect(locked.message).toMatch(/already exists on Meta.*Duplicate/);
  });

  it("refuses to launch a draft the review would block, even from a stale page", async () => {
    const { alice } = await createTenants();
    const connection = await connectSam(alice.id, server.emulator);
    const { id } = await createCampaign(alice.id, connection, { audience: { placements: ["instagram_stories"] } });
    actAs(alice);
    const state = await actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "review", launchAs: "ACTIVE" }));
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/9:16/) });
    expect((await db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!.launchState).toBe("not_launched");
  });

  // Found by fuzzing (tests/security/fuzz-actions.test.ts): a request the page never sends still gets sentences back.
  it("answers hand-made forms with clear messages: a field sent twice, a NUL in the name, an unknown change", async () => {
    const { alice } = await createTenants();
    const connection = await connectManaged(alice.id);
    const { id } = await createCampaign(alice.id, connection);
    actAs(alice);
    const account = `act_2000000000000001|${connection}`;

    // Only the account right: the other fields' messages, and no empty one for the account.
    const partial = await actions.createCampaignAction({ status: "idle" }, form({ account }));
    expect(partial.fieldErrors).toEqual({ name: "Give the campaign a name.", purpose: "Choose what the campaign should achieve." });
    // PostgreSQL cannot store NUL; it is dropped instead of failing the insert.
    const created = await redirected(actions.createCampaignAction({ status: "idle" }, form({ name: "Spring\u0000 sale", purpose: "sales", account })));
    const newId = created!.split("/")[2]!;
    expect((await db.select().from(campaigns).where(eq(campaigns.id, newId)))[0]!.name).toBe("Spring sale");

    const twice = form({ campaignId: id, step: "purpose", name: "Spring", purpose: "app_installs", account, pageId: "3000000000000001", applicationId: "123456789012345" });
    twice.append("objectStoreUrl", "https://apps.apple.com/app/id1");
    twice.append("objectStoreUrl", "https://play.google.com/store/apps/details?id=x");
    expect((await actions.saveStepAction({ status: "idle" }, twice)).fieldErrors?.objectStoreUrl).toBe("Choose one value here, not several.");

    expect(await redirected(actions.changeCampaignAction(form({ campaignId: id, kind: "delete" })))).toBe(`/campaigns/${id}?error=${encodeURIComponent("Choose pause, resume, archive or a new budget.")}`);
  });
});
