import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/db";
import { campaigns } from "@/db/schema";
import type { GraphEmulator } from "@/emulators/meta-graph";
import "@/lib/jobs/catalog";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { registerJob } from "@/lib/jobs/registry";
import { startJob } from "@/lib/jobs/start-job";
import { createUser } from "@/tests/support/tenancy";
import { runLaunch, type LaunchPayload } from "./launch-job";
import { startLaunch } from "./start";
import { adRows, auditActions, campaignRow, connectSam, createCampaign, runUntilDone, startTestGraph, tagged } from "./test-fixtures";

// The window that matters: Meta has made (or we have recorded) something, and the process dies before the next write.
const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/meta/config", async (original) => ({
  ...(await original<typeof import("@/lib/meta/config")>()),
  metaEndpoints: () => ({ graphUrl: graph.url, dialogUrl: graph.url }),
}));

let server: { url: string; emulator: GraphEmulator; close(): Promise<void> };
beforeAll(async () => {
  server = await startTestGraph();
  graph.url = server.url;
});
afterAll(async () => server?.close());
afterEach(() => server.emulator.faults.clear());

// A small video (one upload chunk) keeps thirty launches quick.
const WITH_VIDEO = [{ kind: "image" as const }, { kind: "image" as const }, { kind: "video" as const, bytes: randomBytes(64 * 1024) }];
/** marker, 2 images, 1 video + its processing, campaign, ad set, 3 creatives, 3 ads, switch-on, finish (as launch-job.test.ts counts). */
const STEPS_WITH_VIDEO = 15;

async function launched(setup: Parameters<typeof createCampaign>[2] = {}) {
  const user = await createUser();
  const connectionId = await connectSam(user.id, server.emulator);
  const campaign = await createCampaign(user.id, connectionId, setup);
  return { user, connectionId, campaign };
}

// The launch body with a process that "dies" once, right after step k was recorded.
const crashed = new Set<string>();
const crashingLaunch = registerJob(
  defineJob({
    name: "test.campaign-launch-crash",
    schema: z.object({ campaignId: z.uuid(), crashAfter: z.number().int() }),
    async run(context) {
      let finished = 0;
      const step = (async (name: string, fn: () => never) => {
        const result = await context.step(name, fn);
        if (++finished === context.payload.crashAfter && !crashed.has(context.runId)) {
          crashed.add(context.runId);
          throw new Error(`simulated crash after step ${name}`);
        }
        return result;
      }) as JobContext<LaunchPayload>["step"];
      return runLaunch({ ...context, payload: { campaignId: context.payload.campaignId }, step });
    },
  }),
);

describe("campaign.launch survives a crash after every step", () => {
  it.each(Array.from({ length: STEPS_WITH_VIDEO }, (_, index) => index + 1))("crash after step %i: completes on redelivery with one of everything", async (k) => {
    const { user, campaign } = await launched({ ads: WITH_VIDEO });
    const { run } = await startJob(crashingLaunch, { campaignId: campaign.id, crashAfter: k }, { userId: user.id });
    await db.update(campaigns).set({ launchState: "launching", launchRunId: run.id }).where(eq(campaigns.id, campaign.id));

    const outcomes = await runUntilDone(run.id);
    expect(outcomes.filter((outcome) => outcome.kind === "retry")).toEqual([{ kind: "retry", reason: expect.stringContaining("simulated crash") }]);
    expect(outcomes.at(-1)).toEqual({ kind: "succeeded" });

    const row = await campaignRow(campaign.id);
    expect(row.launchState).toBe("launched");
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, 3, 3]);
    expect(onMeta.campaigns[0]!.id).toBe(row.metaCampaignId);
    expect((await adRows(campaign.id)).map((ad) => ad.metaAdId).sort()).toEqual(onMeta.ads.map((ad) => ad.id).sort());
    expect(await auditActions(user.id, "meta.campaign.create")).toHaveLength(1);
  });
});

describe("campaign.launch when Meta's answer is lost after it created the object", () => {
  it.each([
    ["the campaign", /\/campaigns$/],
    ["the ad set", /\/adsets$/],
    ["a creative", /\/adcreatives$/],
    ["an ad", /\/ads$/],
    ["an image upload", /\/adimages$/],
    ["switching an object on", /^\/v24\.0\/\d+$/],
  ])("%s: the retried step finds it by the launch marker instead of making a second one", async (_label, path) => {
    const { user, campaign } = await launched();
    const start = await startLaunch(user.id, campaign.id);
    if (!start?.ok) throw new Error("launch refused");
    server.emulator.faults.add({ kind: "lostResponse", method: "POST", path });

    const outcomes = await runUntilDone(start.run.id);
    expect(outcomes[0]).toMatchObject({ kind: "retry" });
    expect(outcomes.at(-1)).toEqual({ kind: "succeeded" });
    expect(server.emulator.faults.pending).toBe(0);

    const row = await campaignRow(campaign.id);
    const onMeta = await tagged(server.emulator, row.launchMarker!);
    expect([onMeta.campaigns.length, onMeta.adSets.length, onMeta.creatives.length, onMeta.ads.length]).toEqual([1, 1, 2, 2]);
    expect(onMeta.campaigns[0]).toMatchObject({ id: row.metaCampaignId, status: "ACTIVE" });
    expect(onMeta.adSets[0]!.id).toBe(row.metaAdSetId);
    const ads = await adRows(campaign.id);
    expect(ads.map((ad) => ad.metaCreativeId).sort()).toEqual(onMeta.creatives.map((creative) => creative.id).sort());
    expect(ads.map((ad) => ad.metaAdId).sort()).toEqual(onMeta.ads.map((ad) => ad.id).sort());
    expect(onMeta.ads.every((ad) => ad.status === "ACTIVE")).toBe(true);
  });
});
