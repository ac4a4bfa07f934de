import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { campaigns, generationRequests, jobRuns } from "@/db/schema";
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
    const connection = await connectSam(alice.id, server.emulator);
    const { id } = await createCampaign(alice.id, connection);
    actAs(alice);
    expect(await redirected(actions.saveStepAction({ status: "idle" }, form({ campaignId: id, step: "review", launchAs: "PAUSED" })))).toBe(`/campaigns/${id}`);
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
});
