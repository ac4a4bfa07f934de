import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z, ZodError } from "zod";
import { db } from "@/db";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { JOB_MAX_RETRIES } from "@/lib/jobs/config";
import { defineJob, type JobContext } from "@/lib/jobs/define-job";
import { PermanentJobError, RetryLater, Suspend } from "@/lib/jobs/errors";
import { loadLaunchPlan, type LaunchAd } from "./load";
import { uploadImage, uploadVideo, waitForVideo, type ReadyVideo, type UploadedVideo } from "./media-steps";
import { activate, ensureAd, ensureAdSet, ensureCampaign, ensureCreative, ensureMarker, finishLaunch, type AdMedia } from "./object-steps";

export const launchPayload = z.object({ campaignId: z.uuid() });
export type LaunchPayload = z.output<typeof launchPayload>;

const UNEXPECTED = "AdPilot ran into an unexpected problem and logged the details.";

/**
 * Puts a campaign on Meta, one durable step per object. Every step first
 * reuses what is recorded on our rows, then looks on Meta for an object named
 * with this launch's marker, and only then creates; so a redelivery, a crash
 * between Meta's answer and our write, or a resumed run never makes anything twice.
 */
export async function runLaunch(context: JobContext<LaunchPayload>): Promise<{ status: string; metaStatus: string }> {
  const { step, progress } = context;
  const plan = await loadLaunchPlan(context.payload.campaignId);
  const { campaign, ads } = plan;
  // A failed run retried from Settings → Activity is launching again (a no-op on every other delivery).
  await db
    .update(campaigns)
    .set({ launchState: "launching", launchError: null })
    .where(and(eq(campaigns.id, campaign.id), eq(campaigns.launchRunId, context.runId), eq(campaigns.launchState, "failed")));
  const images = ads.filter((ad) => ad.asset.assetType === "image");
  const videos = ads.filter((ad) => ad.asset.assetType === "video");
  const labelOf = (ad: LaunchAd) => (ad.asset.assetType === "image" ? `image ${images.indexOf(ad) + 1}` : `video ${videos.indexOf(ad) + 1}`);
  // Media, then Meta's processing, campaign, ad set, one creative and one ad per ad, switch-on, finish.
  const total = ads.length + videos.length + 2 + ads.length * 2 + 2;
  let done = 0;
  const advance = (message: string) => progress(Math.round((done++ / total) * 100), message);

  await progress(0, "Getting ready to launch");
  // Step results are objects: a bare string like a Meta id would not survive the jsonb round trip as text.
  const { marker } = await step("marker", async () => ({ marker: await ensureMarker(campaign.id) }));

  const media = new Map<string, AdMedia>();
  const uploaded = new Map<string, UploadedVideo>();
  for (const ad of ads) {
    if (ad.asset.assetType === "image") {
      await advance(`Uploading image ${images.indexOf(ad) + 1} of ${images.length}`);
      media.set(ad.id, { imageHash: (await step(`image:${ad.id}`, () => uploadImage(plan, ad, labelOf(ad)))).hash });
    } else {
      await advance(`Uploading video ${videos.indexOf(ad) + 1} of ${videos.length}`);
      uploaded.set(ad.id, await step(`video:${ad.id}`, () => uploadVideo(plan, ad, labelOf(ad))));
    }
  }
  for (const ad of videos) {
    await advance(`Waiting for Meta to process video ${videos.indexOf(ad) + 1} of ${videos.length}`);
    const ready: ReadyVideo = await step(`video-ready:${ad.id}`, () => waitForVideo(plan, uploaded.get(ad.id)!, labelOf(ad)));
    media.set(ad.id, ready);
  }

  await advance("Creating the campaign");
  const { id: metaCampaignId } = await step("campaign", async () => ({ id: await ensureCampaign(plan, marker) }));
  await advance("Creating the ad set");
  const { id: adSetId } = await step("adset", async () => ({ id: await ensureAdSet(plan, marker, metaCampaignId) }));

  const creatives = new Map<string, string>();
  for (const ad of ads) {
    await advance(`Creating ad ${ad.number} of ${ads.length}`);
    const { id } = await step(`creative:${ad.id}`, async () => ({ id: await ensureCreative(plan, marker, ad, media.get(ad.id)!) }));
    creatives.set(ad.id, id);
  }
  const launched: Array<{ rowId: string; adId: string }> = [];
  for (const ad of ads) {
    await advance(`Placing ad ${ad.number} of ${ads.length} in the ad set`);
    const { id } = await step(`ad:${ad.id}`, async () => ({ id: await ensureAd(plan, marker, ad, adSetId, creatives.get(ad.id)!) }));
    launched.push({ rowId: ad.id, adId: id });
  }

  const launchAs = campaign.draft.launchAs ?? "PAUSED";
  await advance(launchAs === "ACTIVE" ? "Switching your ads on" : "Keeping your ads paused, as you asked");
  if (launchAs === "ACTIVE") await step("activate", () => activate(plan, { campaignId: metaCampaignId, adSetId, ads: launched }));
  await advance("Checking the campaign on Meta");
  const result = await step("finish", () => finishLaunch(plan, context.runId, metaCampaignId));
  await progress(100, result.status === "active" ? "Your campaign is live on Meta" : "Your campaign is on Meta, paused");
  return result;
}

/**
 * What the user should read when this delivery ends the run for good, or null
 * when the run goes on (a wait, a retry that is not the last).
 */
function finalFailure(error: unknown, attempt: number): string | null {
  if (error instanceof PermanentJobError) return error.message;
  if (error instanceof ZodError) return UNEXPECTED;
  if (error instanceof RetryLater || error instanceof Suspend) return null;
  if (attempt < JOB_MAX_RETRIES) return null;
  const message = (error as { userMessage?: unknown } | null)?.userMessage;
  return typeof message === "string" && message ? message : UNEXPECTED;
}

/** Leaves the campaign showing Meta's message, so the user can fix the input and resume. */
export async function recordLaunchFailure(campaignId: string, runId: string, message: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ launchState: "failed", launchError: message })
      // A run retried from Settings → Activity may fail again while the campaign already shows `failed`.
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.launchRunId, runId), inArray(campaigns.launchState, ["launching", "failed"])))
      .returning({ userId: campaigns.userId });
    if (row) await recordAudit(tx, { userId: row.userId, action: "campaign.launch_failed", entityType: "campaign", entityId: campaignId, after: { runId, error: message } });
  });
}

/** Wraps a launch body so a run that ends in failure leaves the campaign `failed` with the reason. */
export function withLaunchFailure<Result>(body: (context: JobContext<LaunchPayload>) => Promise<Result>) {
  return async (context: JobContext<LaunchPayload>): Promise<Result> => {
    try {
      return await body(context);
    } catch (error) {
      const message = finalFailure(error, context.attempt);
      if (message !== null) await recordLaunchFailure(context.payload.campaignId, context.runId, message);
      throw error;
    }
  };
}

export const campaignLaunch = defineJob({
  name: "campaign.launch",
  schema: launchPayload,
  run: withLaunchFailure(runLaunch),
});
