import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { creativeAssets, generationRequests, type AssetFormat, type GenerationFailure, type GenerationRequest } from "@/db/schema";
import { aiFor, type AiClient } from "@/lib/ai";
import { isAiError } from "@/lib/ai/errors";
import { FORMAT_SIZES, STYLE_PRESETS, type BrandContext, type GeneratedVideo, type StylePreset } from "@/lib/ai/types";
import { snapshotBrand, withLogo, type BrandSnapshot } from "@/lib/brand/profile";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import { cropVideoToRatio, posterFromVideo } from "@/lib/media";
import { CTA_LABELS } from "./call-to-action";
import { seedFrom, stableUuid } from "./ids";
import { storeAsset } from "./store-asset";

/** Veo usually answers within a few minutes; past this the item is reported as failed. */
const VIDEO_DEADLINE_MS = 15 * 60 * 1000;
const VIDEO_POLL_SECONDS = 10;
/** Past this, the next item runs in a new delivery (the job route allows 300 s). */
const DELIVERY_BUDGET_MS = 150_000;

type Item = { format: AssetFormat; variant: number };
type Copy = { headline: string; callToAction: string; primaryText: string; description: string };
type ItemResult = { assetId: string } | { failed: string };
type VideoStarted = ItemResult | { operation: string; startedAt: number };

function itemsOf(request: GenerationRequest): Item[] {
  return request.params.formats.flatMap((format) => Array.from({ length: request.params.variants }, (_, variant) => ({ format, variant })));
}

function styleOf(request: GenerationRequest): StylePreset {
  return (STYLE_PRESETS as readonly string[]).includes(request.params.style) ? (request.params.style as StylePreset) : "bold";
}

/**
 * Failures that belong to one picture (a safety block, a prompt the model refuses)
 * are recorded and the other formats go on; a bad key or a spent Google quota
 * stops the whole run, since every other item would fail the same way.
 */
function itemFailure(error: unknown): string | null {
  if (isAiError(error) && (error.kind === "safety_blocked" || error.kind === "invalid_request" || error.kind === "invalid_output")) return error.message;
  if (isAiError(error) && (error.kind === "auth" || error.kind === "quota_exhausted")) throw new PermanentJobError(error.message);
  return null;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T | { failed: string }> {
  try {
    return await fn();
  } catch (error) {
    const failure = itemFailure(error);
    if (failure) return { failed: failure };
    throw error;
  }
}

type Context = { request: GenerationRequest; ai: AiClient; brand: BrandContext | null; copy: Copy[] };

function baseAsset(context: Context, item: Item, assetId: string) {
  const { request, copy } = context;
  const words = copy[item.variant % copy.length]!;
  return {
    id: assetId,
    userId: request.userId,
    source: "generated" as const,
    format: item.format,
    prompt: request.prompt,
    style: request.params.style,
    tags: [...new Set([...request.params.tags, request.params.style])],
    provider: request.provider,
    generationId: request.id,
    parentAssetId: request.params.parentAssetId ?? null,
    brandApplied: Boolean(context.brand),
    metadata: { ...words, variant: item.variant, seed: seedFrom(request.id, String(item.variant)), brandApplied: Boolean(context.brand) },
  };
}

function renderRequest(context: Context, item: Item) {
  const words = context.copy[item.variant % context.copy.length]!;
  return {
    prompt: context.request.prompt,
    format: item.format,
    style: styleOf(context.request),
    brand: context.brand,
    variant: item.variant,
    seed: seedFrom(context.request.id, String(item.variant)),
    headline: words.headline,
    callToAction: words.callToAction,
  };
}

async function makeImage(context: Context, item: Item): Promise<ItemResult> {
  const assetId = stableUuid(context.request.id, item.format, String(item.variant));
  const image = await context.ai.generateImage(renderRequest(context, item));
  await storeAsset({ ...baseAsset(context, item, assetId), assetType: "image", bytes: image.bytes, mimeType: image.mimeType, width: image.width, height: image.height });
  return { assetId };
}

/**
 * Veo makes 16:9 or 9:16 only: a square or 4:5 request is cut from the middle of
 * the vertical clip, so the library holds what the marketer asked for.
 */
async function fitToFormat(video: GeneratedVideo, format: AssetFormat): Promise<GeneratedVideo> {
  const cropped = await cropVideoToRatio(video.bytes, video, FORMAT_SIZES[format]);
  return cropped.bytes === video.bytes ? video : { ...video, ...cropped, poster: undefined };
}

async function storeVideo(context: Context, item: Item, made: GeneratedVideo): Promise<ItemResult> {
  const assetId = stableUuid(context.request.id, item.format, String(item.variant));
  const video = await fitToFormat(made, item.format);
  const still = video.poster?.bytes ?? (await posterFromVideo(video.bytes)).bytes;
  await storeAsset({
    ...baseAsset(context, item, assetId),
    assetType: "video",
    bytes: video.bytes,
    mimeType: video.mimeType,
    width: video.width,
    height: video.height,
    durationSeconds: video.durationSeconds,
    still,
  });
  return { assetId };
}

/** One poll of a Veo operation; "still running" re-delivers this step later without spending a retry. */
function waitForVideo(context: Context, item: Item, started: { operation: string; startedAt: number }, label: string): Promise<ItemResult> {
  return guarded(async () => {
    if (Date.now() - started.startedAt > VIDEO_DEADLINE_MS) return { failed: "Google took more than 15 minutes to make this video; try again later." };
    const poll = await context.ai.pollVideo(started.operation).catch((error: unknown) => {
      // A slow Veo job polled through a Google hiccup should wait, not spend the run's retries.
      if (isAiError(error) && error.retryable) throw new RetryLater(error.details?.retryAfterSeconds ?? 30, "Google is busy; checking the video again shortly");
      throw error;
    });
    if (poll.status === "pending") throw new RetryLater(VIDEO_POLL_SECONDS, `Google is still making the ${label} video`);
    return storeVideo(context, item, poll.video);
  });
}

/**
 * Settles a request once: its status from what was produced. When the run died
 * (`reason`), every item that neither produced an asset nor failed on its own is
 * recorded as failed with that reason, so the Studio says what is missing and why.
 */
async function finishRequest(requestId: string, reason?: string): Promise<{ produced: number; failures: GenerationFailure[] }> {
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(generationRequests).where(eq(generationRequests.id, requestId)).for("update");
    if (!request) return { produced: 0, failures: [] };
    if (request.completedAt) return { produced: request.produced, failures: request.failures };
    const failures = [...request.failures];
    if (reason) {
      const made = await tx.select({ format: creativeAssets.format, metadata: creativeAssets.metadata }).from(creativeAssets).where(eq(creativeAssets.generationId, requestId));
      for (const item of itemsOf(request)) {
        const done = made.some((asset) => asset.format === item.format && asset.metadata.variant === item.variant);
        const failed = failures.some((failure) => failure.format === item.format && failure.variant === item.variant);
        if (!done && !failed) failures.push({ ...item, message: reason });
      }
    }
    const status = request.produced === 0 ? "failed" : failures.length > 0 ? "partial" : "succeeded";
    await tx.update(generationRequests).set({ status, failures, completedAt: new Date() }).where(eq(generationRequests.id, requestId));
    return { produced: request.produced, failures };
  });
}

async function recordFailure(requestId: string, failures: GenerationFailure[]): Promise<void> {
  await db.update(generationRequests).set({ failures }).where(eq(generationRequests.id, requestId));
}

export const creativeGenerate = defineJob({
  name: "creative.generate",
  schema: z.object({ requestId: z.uuid() }),
  run: generate,
  // The run is over for good: record what never got made and stop holding the quota it reserved.
  onFailed: (payload, reason) => finishRequest(payload.requestId, reason).then(() => undefined),
});

async function generate({ payload, step, progress }: JobContext<{ requestId: string }>) {
  const [request] = await db.select().from(generationRequests).where(eq(generationRequests.id, payload.requestId));
  if (!request) throw new PermanentJobError("This generation request no longer exists.");
  // A finished request has given back what it did not use; running it again (Activity → Retry) would bypass the allowance.
  if (request.completedAt) throw new PermanentJobError("This generation has finished. Use Regenerate in the Studio to make it again.");
  const deliveryStarted = Date.now();
  const ai = aiFor(request.userId);
  // The kit as it was when the run started: an edit mid-run does not change later items.
  const snapshot = await step("brand", async (): Promise<BrandSnapshot | null> => (request.params.useBrand ? snapshotBrand(request.userId) : null));
  const brand = snapshot ? await withLogo(snapshot) : null;
  const items = itemsOf(request);

  // One copy call for all variants, so variant 2 never repeats variant 1's headline.
  const copy = await step("copy", async (): Promise<Copy[]> => {
    const written = await ai.writeAdCopy({ prompt: request.prompt, brand, purpose: request.params.purpose, count: request.params.variants }).catch((error: unknown) => {
      if (isAiError(error) && !error.retryable && error.kind !== "auth" && error.kind !== "quota_exhausted") return [];
      throw error;
    });
    return Array.from({ length: request.params.variants }, (_, index) => {
      const words = written[index % Math.max(written.length, 1)];
      return {
        headline: request.params.headline ?? words?.headline ?? request.prompt.slice(0, 40),
        callToAction: request.params.callToAction ?? (words ? CTA_LABELS[words.callToAction] : "Learn more"),
        primaryText: words?.primaryText ?? request.prompt,
        description: words?.description ?? "",
      };
    });
  }).catch((error: unknown) => {
    if (isAiError(error) && (error.kind === "auth" || error.kind === "quota_exhausted")) throw new PermanentJobError(error.message);
    throw error;
  });
  const context: Context = { request, ai, brand, copy };

  const failures: GenerationFailure[] = [];
  for (const [index, item] of items.entries()) {
    // Stay well inside a serverless function's time limit: continue in a fresh delivery.
    if (Date.now() - deliveryStarted > DELIVERY_BUDGET_MS) throw new RetryLater(1, `Made ${index} of ${items.length}; continuing`);
    const label = `${item.format}${request.params.variants > 1 ? `, variant ${item.variant + 1}` : ""}`;
    await progress(Math.round((index / items.length) * 95), `Making ${request.assetType === "video" ? "video" : "image"} ${index + 1} of ${items.length} (${label})`);
    let result: ItemResult;
    if (request.assetType === "image") {
      result = await step(`image:${item.format}:${item.variant}`, () => guarded(() => makeImage(context, item)));
    } else {
      const started: VideoStarted = await step(`video-start:${item.format}:${item.variant}`, () =>
        guarded(async (): Promise<VideoStarted> => {
          const start = await ai.startVideo({ ...renderRequest(context, item), durationSeconds: (request.params.durationSeconds ?? 8) as 4 | 6 | 8 });
          if (start.status === "done") return storeVideo(context, item, start.video);
          return { operation: start.operation, startedAt: Date.now() };
        }),
      );
      result = "operation" in started ? await step(`video-wait:${item.format}:${item.variant}`, () => waitForVideo(context, item, started, label)) : started;
    }
    if ("failed" in result) {
      failures.push({ format: item.format, variant: item.variant, message: result.failed });
      await recordFailure(request.id, failures);
    }
  }

  const outcome = await step("finish", () => finishRequest(request.id));
  if (outcome.produced === 0) {
    throw new PermanentJobError(failures[0]?.message ?? "Nothing could be generated for this prompt.");
  }
  await progress(100, `${outcome.produced} ${request.assetType === "video" ? "video" : "image"}${outcome.produced === 1 ? "" : "s"} added to your library`);
  return { produced: outcome.produced, failed: outcome.failures.length };
}
