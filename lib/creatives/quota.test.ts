import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { generationRequests, jobRuns } from "@/db/schema";
import { createUser } from "@/tests/support/tenancy";
import { monthWindow, quotaFor, QuotaExceeded } from "./quota";
import { startGeneration } from "./requests";

const imageInput = (formats: string[] = ["1:1"]) => ({ kind: "image", prompt: "Fresh bread daily", formats, style: "bold", useBrand: false, variants: 1, tags: "" });

/** Uses up all but `left` of the starter plan's 60 images with one finished request. */
async function userWithImagesLeft(left: number) {
  const user = await createUser();
  await db.insert(generationRequests).values({
    userId: user.id,
    assetType: "image",
    prompt: "earlier",
    params: { formats: ["1:1"], style: "bold", useBrand: false, variants: 1, tags: [] },
    units: 60 - left,
    produced: 60 - left,
    status: "succeeded",
    provider: "offline",
  });
  return user;
}

describe("generation quota", () => {
  it("counts a calendar month in UTC", () => {
    const { start, end } = monthWindow(new Date("2026-11-24T23:59:00Z"));
    expect(start.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(end.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("lets only one of two parallel requests take the last image", async () => {
    const user = await userWithImagesLeft(1);
    const results = await Promise.allSettled([startGeneration(user.id, imageInput()), startGeneration(user.id, imageInput())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(QuotaExceeded);
    expect((refused.reason as Error).message).toMatch(/used all 60 images/);
    expect((await quotaFor(db, user.id, "starter", "image")).remaining).toBe(0);
    // Nothing half-written for the refused one: one request row, one run.
    const rows = await db.select().from(generationRequests).where(eq(generationRequests.userId, user.id));
    expect(rows.filter((row) => row.prompt !== "earlier")).toHaveLength(1);
  });

  it("refuses a request bigger than what is left, saying how much is left", async () => {
    const user = await userWithImagesLeft(3);
    await expect(startGeneration(user.id, imageInput(["1:1", "4:5", "9:16", "16:9"]))).rejects.toThrow(/has 3 left this month/);
    const started = await startGeneration(user.id, imageInput(["1:1", "4:5", "9:16"]));
    expect(started.quota.remaining).toBe(0);
  });

  it("holds the units of a running request and gives back what a finished one did not produce", async () => {
    const user = await userWithImagesLeft(4);
    const { request, runId } = await startGeneration(user.id, imageInput(["1:1", "4:5", "9:16", "16:9"]));
    expect((await quotaFor(db, user.id, "starter", "image")).remaining).toBe(0);

    // The run failed for good after one image: three come back.
    await db.update(generationRequests).set({ produced: 1 }).where(eq(generationRequests.id, request.id));
    await db.update(jobRuns).set({ status: "failed" }).where(eq(jobRuns.id, runId));
    expect((await quotaFor(db, user.id, "starter", "image")).remaining).toBe(3);
  });

  it("counts images and videos separately, per plan", async () => {
    const user = await createUser({ subscriptionTier: "professional" });
    const video = await quotaFor(db, user.id, "professional", "video");
    expect(video).toMatchObject({ limit: 30, used: 0, remaining: 30 });
    await startGeneration(user.id, { ...imageInput(["9:16"]), kind: "video", variants: 2 });
    expect((await quotaFor(db, user.id, "professional", "video")).used).toBe(2);
    expect((await quotaFor(db, user.id, "professional", "image")).used).toBe(0);
  });

  it("counts a format chosen twice once", async () => {
    const user = await createUser();
    const { request } = await startGeneration(user.id, imageInput(["1:1", "1:1", "9:16"]));
    expect(request).toMatchObject({ units: 2, params: { formats: ["1:1", "9:16"] } });
  });

  it("rejects bad input before reserving anything", async () => {
    const user = await createUser();
    await expect(startGeneration(user.id, { ...imageInput([]), prompt: "x" })).rejects.toThrow();
    await expect(startGeneration(user.id, { ...imageInput(), style: "neon" })).rejects.toThrow();
    await expect(startGeneration(user.id, { ...imageInput(), variants: 9 })).rejects.toThrow();
    expect(await db.select().from(generationRequests).where(eq(generationRequests.userId, user.id))).toHaveLength(0);
  });
});
