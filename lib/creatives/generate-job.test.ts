import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { aiUsage, creativeAssets, generationRequests, jobRuns } from "@/db/schema";
import { setAiProviderForTests } from "@/lib/ai";
import { startHarness, type Harness } from "@/lib/ai/google/test-support";
import "@/lib/jobs/catalog";
import { executeRun } from "@/lib/jobs/execute-run";
import { readBytes, storage } from "@/lib/storage";
import { createUser } from "@/tests/support/tenancy";
import { quotaFor } from "./quota";
import { startGeneration } from "./requests";

let harness: Harness | undefined;
afterEach(async () => {
  setAiProviderForTests(undefined);
  await harness?.close();
  harness = undefined;
});

const input = (overrides: Record<string, unknown> = {}) => ({
  kind: "image",
  prompt: "Sourdough loaves fresh from the oven, 20% off this weekend",
  formats: ["1:1", "4:5"],
  style: "bold",
  useBrand: false,
  variants: 1,
  tags: "weekend sale",
  ...overrides,
});

const assetsOf = (requestId: string) => db.select().from(creativeAssets).where(eq(creativeAssets.generationId, requestId));
const requestRow = async (id: string) => (await db.select().from(generationRequests).where(eq(generationRequests.id, id)))[0]!;

describe("creative.generate (offline)", () => {
  it("renders every format at Meta's pixel size into the library, tagged, with usage recorded", async () => {
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input());
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });

    const assets = await assetsOf(request.id);
    expect(assets.map((a) => [a.format, a.width, a.height]).sort()).toEqual([
      ["1:1", 1080, 1080],
      ["4:5", 1080, 1350],
    ]);
    for (const asset of assets) {
      const bytes = await readBytes(storage(), asset.storageKey);
      const meta = await sharp(bytes!).metadata();
      expect([meta.width, meta.height]).toEqual([asset.width, asset.height]);
      expect(asset.tags).toEqual(expect.arrayContaining(["weekend sale", "bold"]));
      expect(asset.metadata.headline).toBeTruthy();
      expect(await readBytes(storage(), asset.thumbnailKey!)).not.toBeNull();
    }
    expect(await requestRow(request.id)).toMatchObject({ status: "succeeded", produced: 2 });
    const usage = await db.select().from(aiUsage).where(eq(aiUsage.userId, user.id));
    expect(usage.filter((row) => row.operation === "image")).toHaveLength(2);
    expect(usage.every((row) => row.outcome === "ok" && row.provider === "offline" && row.costUsd === "0.000000")).toBe(true);
  });

  it("a redelivered run adds nothing twice", async () => {
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input({ formats: ["9:16"] }));
    await executeRun(runId, 0);
    // A second delivery after the run finished (QStash at-least-once) is a no-op.
    expect(await executeRun(runId, 1)).toEqual({ kind: "skipped", reason: "finished" });
    expect(await assetsOf(request.id)).toHaveLength(1);
    expect((await requestRow(request.id)).produced).toBe(1);
  });

  it("makes a real MP4 video at the requested shape", async () => {
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input({ kind: "video", formats: ["9:16"], durationSeconds: "6" }));
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });
    const [video] = await assetsOf(request.id);
    expect(video).toMatchObject({ assetType: "video", mimeType: "video/mp4", width: 1080, height: 1920, durationSeconds: 6 });
    const bytes = await readBytes(storage(), video!.storageKey);
    expect(bytes!.subarray(4, 8).toString("latin1")).toBe("ftyp");
  }, 60_000);
});

describe("creative.generate (Gemini through the emulator)", () => {
  it("keeps the formats that worked when one is safety-blocked, and charges only those", async () => {
    harness = await startHarness();
    setAiProviderForTests(harness.provider);
    const user = await createUser();
    harness.emulator.faults.add({ kind: "safety", route: "image", times: 1 });
    const { request, runId } = await startGeneration(user.id, input({ formats: ["1:1", "16:9"] }));
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });

    const row = await requestRow(request.id);
    expect(row).toMatchObject({ status: "partial", produced: 1, provider: "google" });
    expect(row.failures).toEqual([{ format: "1:1", variant: 0, message: expect.stringMatching(/safety/i) }]);
    const [asset] = await assetsOf(request.id);
    expect(asset).toMatchObject({ format: "16:9", width: 1920, height: 1080, provider: "google" });
    expect((await quotaFor(db, user.id, "starter", "image")).used).toBe(1);

    const usage = await db.select().from(aiUsage).where(and(eq(aiUsage.userId, user.id), eq(aiUsage.operation, "image")));
    expect(usage.map((u) => u.outcome).sort()).toEqual(["ok", "safety_blocked"]);
    expect(usage.find((u) => u.outcome === "ok")!.costUsd).toBe("0.067000");
  });

  it("stops at once on a bad key, says so, and gives the quota back", async () => {
    harness = await startHarness({ provider: { apiKey: "AIza-wrong-key" } });
    setAiProviderForTests(harness.provider);
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input());
    const outcome = await executeRun(runId, 0);
    expect(outcome).toMatchObject({ kind: "failed", reason: expect.stringMatching(/GOOGLE_API_KEY/) });
    expect(JSON.stringify(outcome)).not.toContain("AIza-wrong-key");
    const row = await requestRow(request.id);
    expect(row).toMatchObject({ status: "failed", produced: 0 });
    // Every item that was never made says why.
    expect(row.failures.map((f) => f.format).sort()).toEqual(["1:1", "4:5"]);
    expect(row.failures[0]!.message).toMatch(/GOOGLE_API_KEY/);
    expect((await quotaFor(db, user.id, "starter", "image")).used).toBe(0);

    // Retrying the failed run from Activity cannot spend the allowance it gave back.
    await db.update(jobRuns).set({ status: "queued" }).where(eq(jobRuns.id, runId));
    expect(await executeRun(runId, 0)).toMatchObject({ kind: "failed", reason: expect.stringMatching(/Use Regenerate/) });
    expect(harness.emulator.requests.filter((r) => r.route === "image")).toHaveLength(0);
  });

  it("waits for Veo by re-delivery, then stores the video", async () => {
    harness = await startHarness({ emulator: { pollsUntilDone: 2 } });
    setAiProviderForTests(harness.provider);
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input({ kind: "video", formats: ["16:9"] }));

    expect(await executeRun(runId, 0)).toMatchObject({ kind: "suspended" });
    expect((await db.select().from(jobRuns).where(eq(jobRuns.id, runId)))[0]!.progressMessage).toMatch(/still making/);
    expect(await executeRun(runId, 0)).toMatchObject({ kind: "suspended" });
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });

    const [video] = await assetsOf(request.id);
    expect(video).toMatchObject({ assetType: "video", format: "16:9", provider: "google" });
    // One start, however many polls: a redelivery never starts a second paid video.
    expect(harness.emulator.requests.filter((r) => r.route === "video")).toHaveLength(1);
  });

  it("cuts a square video from the middle of Veo's vertical clip", async () => {
    harness = await startHarness({ emulator: { pollsUntilDone: 0 } });
    setAiProviderForTests(harness.provider);
    const user = await createUser();
    const { request, runId } = await startGeneration(user.id, input({ kind: "video", formats: ["1:1"] }));
    expect(await executeRun(runId, 0)).toEqual({ kind: "succeeded" });
    const [video] = await assetsOf(request.id);
    expect(video).toMatchObject({ format: "1:1", width: 720, height: 720 });
    expect(await readBytes(storage(), video!.thumbnailKey!)).not.toBeNull();
  }, 60_000);
});
