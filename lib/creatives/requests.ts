import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { ASSET_FORMATS, campaignPurpose, creativeAssets, generationRequests, type GenerationParams, type GenerationRequest } from "@/db/schema";
import { aiProvider } from "@/lib/ai";
import { STYLE_PRESETS } from "@/lib/ai/types";
import { startJobIn } from "@/lib/jobs/start-job";
import { creativeGenerate } from "./generate-job";
import { reserveQuota, type Quota } from "./quota";
import { parseTags } from "./tags";

/** What the Studio form sends; the same rules apply to "variants of this" and "regenerate". */
export const generationInput = z
  .object({
    kind: z.enum(["image", "video"], { error: "Choose an image or a video." }),
    prompt: z.string().trim().min(3, "Describe the ad in a few words (at least 3 characters).").max(1000, "Keep the prompt under 1,000 characters."),
    // Deduplicated: each format is one item of the job (and one unit of the allowance).
    formats: z
      .array(z.enum(ASSET_FORMATS, { error: "Choose formats from the list." }))
      .min(1, "Choose at least one format.")
      .transform((formats) => [...new Set(formats)]),
    style: z.enum(STYLE_PRESETS, { message: "Choose a style." }),
    useBrand: z.boolean(),
    variants: z.coerce.number({ error: "Choose how many variants to make, from 1 to 4." }).int("Choose a whole number of variants.").min(1, "Make at least one variant.").max(4, "At most 4 variants at a time."),
    tags: z.preprocess((value) => (typeof value === "string" ? parseTags(value) : value), z.array(z.string()).max(10, "At most 10 tags.")),
    headline: z.string().trim().max(40, "Headlines over 40 characters are cut off on Meta.").optional().transform((v) => v || undefined),
    callToAction: z.string().trim().max(20, "Keep the button text under 20 characters.").optional().transform((v) => v || undefined),
    durationSeconds: z.coerce
      .number({ error: "Videos are 6 or 8 seconds long." })
      .pipe(z.union([z.literal(6), z.literal(8)], { error: "Videos are 6 or 8 seconds long." }))
      .optional(),
    parentAssetId: z.uuid("That asset is not in your library.").optional(),
    purpose: z.enum(campaignPurpose.enumValues, { error: "Choose what the campaign should achieve." }).optional(),
  })
  .refine((input) => input.kind === "image" || input.variants <= 2, { message: "At most 2 variants per video format.", path: ["variants"] });

export type GenerationInput = z.input<typeof generationInput>;

export type Started = { request: GenerationRequest; runId: string; quota: Quota };

/**
 * Reserves the quota, writes the request and queues its job in one transaction:
 * either all three happen or none does, and two requests racing for the last
 * images of the month are decided by the lock in `reserveQuota`.
 */
async function ownsAsset(userId: string, assetId: string): Promise<boolean> {
  const [asset] = await db
    .select({ id: creativeAssets.id })
    .from(creativeAssets)
    .where(and(eq(creativeAssets.id, assetId), eq(creativeAssets.userId, userId)));
  return Boolean(asset);
}

/** `raw` is untrusted (a form); it is validated here, so callers pass what they have. */
export async function startGeneration(userId: string, raw: unknown): Promise<Started> {
  const input = generationInput.parse(raw);
  if (input.parentAssetId) {
    if (!(await ownsAsset(userId, input.parentAssetId))) throw new z.ZodError([{ code: "custom", path: ["parentAssetId"], message: "That asset is not in your library.", input: input.parentAssetId }]);
  }
  const units = input.formats.length * input.variants;
  const params: GenerationParams = {
    formats: input.formats,
    style: input.style,
    useBrand: input.useBrand,
    variants: input.variants,
    tags: input.tags,
    headline: input.headline,
    callToAction: input.callToAction,
    durationSeconds: input.kind === "video" ? (input.durationSeconds ?? 8) : undefined,
    parentAssetId: input.parentAssetId,
    purpose: input.purpose,
  };

  const { request, pending, quota } = await db.transaction(async (tx) => {
    const quota = await reserveQuota(tx, userId, input.kind, units);
    const [request] = await tx
      .insert(generationRequests)
      .values({ userId, assetType: input.kind, prompt: input.prompt, params, units, provider: aiProvider().name })
      .returning();
    const pending = await startJobIn(tx, creativeGenerate, { requestId: request!.id }, { userId, idempotencyKey: `generation:${request!.id}` });
    const [linked] = await tx.update(generationRequests).set({ jobRunId: pending.run.id }).where(eq(generationRequests.id, request!.id)).returning();
    return { request: linked!, pending, quota: { ...quota, used: quota.used + units, remaining: quota.remaining - units } };
  });
  await pending.publish();
  return { request, runId: pending.run.id, quota };
}

/** The same request again (new seeds, so new pictures). */
export async function regenerate(userId: string, requestId: string): Promise<Started | null> {
  const [previous] = await db
    .select()
    .from(generationRequests)
    .where(and(eq(generationRequests.id, requestId), eq(generationRequests.userId, userId)));
  if (!previous) return null;
  const { params } = previous;
  return startGeneration(userId, {
    kind: previous.assetType,
    prompt: previous.prompt,
    formats: params.formats,
    style: params.style as GenerationInput["style"],
    useBrand: params.useBrand,
    variants: params.variants,
    tags: params.tags,
    headline: params.headline,
    callToAction: params.callToAction,
    durationSeconds: params.durationSeconds as 6 | 8 | undefined,
    // The asset it was a variation of may have been deleted since; the request still stands.
    parentAssetId: params.parentAssetId && (await ownsAsset(userId, params.parentAssetId)) ? params.parentAssetId : undefined,
  });
}

/** Three fresh takes on one asset: its prompt, format and style, new compositions. */
export async function makeVariants(userId: string, assetId: string): Promise<Started | null> {
  const [asset] = await db
    .select()
    .from(creativeAssets)
    .where(and(eq(creativeAssets.id, assetId), eq(creativeAssets.userId, userId)));
  if (!asset) return null;
  return startGeneration(userId, {
    kind: asset.assetType,
    prompt: asset.prompt ?? asset.metadata.headline ?? "Variation",
    formats: [asset.format],
    style: ((STYLE_PRESETS as readonly string[]).includes(asset.style ?? "") ? asset.style : "bold") as GenerationInput["style"],
    useBrand: asset.brandApplied,
    variants: asset.assetType === "video" ? 1 : 3,
    tags: asset.tags.slice(0, 10),
    headline: asset.metadata.headline,
    callToAction: asset.metadata.callToAction,
    durationSeconds: asset.assetType === "video" ? (asset.durationSeconds === 6 ? 6 : 8) : undefined,
    parentAssetId: asset.id,
  });
}

export async function recentRequests(userId: string, limit = 10): Promise<GenerationRequest[]> {
  return db.select().from(generationRequests).where(eq(generationRequests.userId, userId)).orderBy(desc(generationRequests.createdAt)).limit(limit);
}
