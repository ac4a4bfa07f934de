import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { creativeAssets, generationRequests } from "@/db/schema";
import { storeAsset } from "@/lib/creatives/store-asset";
import { actAs, createTenants, createUser } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
const { generateAction, makeVariantsAction, regenerateAction } = await import("./actions");

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const redirected = async (action: Promise<unknown>) => ((await action.catch((error: { url?: string }) => error)) as { url?: string }).url;

describe("studio actions", () => {
  it("starts a generation from the form and says what is wrong with a bad one", async () => {
    const user = await createUser();
    actAs(user);
    const ok = await generateAction({ status: "idle" }, form({ kind: "image", prompt: "Spring menu launch", formats: ["1:1", "4:5"], style: "minimal", variants: "2", tags: "spring" }));
    expect(ok).toMatchObject({ status: "idle", runId: expect.any(String) });
    const [request] = await db.select().from(generationRequests).where(eq(generationRequests.userId, user.id));
    expect(request).toMatchObject({ units: 4, params: { formats: ["1:1", "4:5"], style: "minimal", variants: 2, tags: ["spring"] } });

    const bad = await generateAction({ status: "idle" }, form({ kind: "image", prompt: "", style: "minimal", variants: "1" }));
    expect(bad.fieldErrors).toMatchObject({ prompt: expect.stringMatching(/Describe/), formats: "Choose at least one format." });
    expect(bad.values?.prompt).toBe("");
  });

  // Found by fuzzing (tests/security/fuzz-actions.test.ts): zod's own wording ("expected number, received NaN") reached the form.
  it("words every refusal of a hand-made form as a sentence", async () => {
    actAs(await createUser());
    const bad = await generateAction({ status: "idle" }, form({ kind: "audio", prompt: "Spring menu launch", formats: ["1:1", "2:1"], style: "minimal", variants: "NaN", durationSeconds: "7" }));
    expect(bad.fieldErrors).toEqual({ kind: "Choose an image or a video.", formats: "Choose formats from the list.", variants: "Choose how many variants to make, from 1 to 4." });
    const video = await generateAction({ status: "idle" }, form({ kind: "video", prompt: "Spring menu launch", formats: "9:16", style: "minimal", variants: "1", durationSeconds: "7" }));
    expect(video.fieldErrors).toEqual({ durationSeconds: "Videos are 6 or 8 seconds long." });
  });

  it("explains the monthly allowance instead of failing", async () => {
    const user = await createUser();
    actAs(user);
    await db.insert(generationRequests).values({
      userId: user.id,
      assetType: "video",
      prompt: "earlier",
      params: { formats: ["9:16"], style: "bold", useBrand: false, variants: 1, tags: [] },
      units: 5,
      produced: 5,
      status: "succeeded",
      provider: "offline",
    });
    const state = await generateAction({ status: "idle" }, form({ kind: "video", prompt: "Reel for the weekend", formats: ["9:16"], style: "bold", variants: "1" }));
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/used all 5 videos in your plan this month/) });
  });

  it("never regenerates or varies another user's work", async () => {
    const { alice, bob } = await createTenants();
    actAs(alice);
    await generateAction({ status: "idle" }, form({ kind: "image", prompt: "Alice's bakery", formats: ["1:1"], style: "bold", variants: "1" }));
    const [request] = await db.select().from(generationRequests).where(eq(generationRequests.userId, alice.id));
    const assetId = await storeAsset({
      id: crypto.randomUUID(),
      userId: alice.id,
      assetType: "image",
      source: "generated",
      bytes: Buffer.from(await (await import("sharp")).default({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).png().toBuffer()),
      mimeType: "image/png",
      format: "1:1",
      width: 10,
      height: 10,
      prompt: "Alice's bakery",
      style: "bold",
      tags: [],
    });

    actAs(bob);
    expect(await redirected(regenerateAction(form({ id: request!.id })))).toBe("/studio?missing=1");
    expect(await redirected(makeVariantsAction(form({ id: assetId })))).toBe("/studio?missing=1");
    expect(await redirected(makeVariantsAction(form({ id: "not-a-uuid" })))).toBe("/studio?missing=1");
    expect(await db.select().from(generationRequests).where(eq(generationRequests.userId, bob.id))).toHaveLength(0);

    actAs(alice);
    expect(await redirected(makeVariantsAction(form({ id: assetId })))).toMatch(/^\/studio\?run=/);
    const variants = await db.select().from(generationRequests).where(eq(generationRequests.userId, alice.id));
    expect(variants.find((r) => r.params.parentAssetId === assetId)).toMatchObject({ units: 3, params: { formats: ["1:1"], variants: 3 } });
    expect(await db.select().from(creativeAssets).where(eq(creativeAssets.userId, bob.id))).toHaveLength(0);
  });

  it("asks a signed-out visitor to sign in", async () => {
    actAs(null);
    expect((await generateAction({ status: "idle" }, form({ kind: "image" }))).message).toMatch(/session/);
    expect(await redirected(regenerateAction(form({ id: crypto.randomUUID() })))).toBe("/sign-in?callbackUrl=%2Fstudio");
  });
});
