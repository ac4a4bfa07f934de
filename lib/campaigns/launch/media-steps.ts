import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { PermanentJobError, RetryLater } from "@/lib/jobs/errors";
import type { GraphApi } from "@/lib/meta/graph-api";
import { adVideoStatus, uploadAdImage, uploadAdVideo } from "@/lib/meta/uploads";
import { withMetaConnection } from "@/lib/meta/with-connection";
import { readBytes, storage } from "@/lib/storage";
import { currentAd, type LaunchAd, type LaunchPlan } from "./load";

/** How often a processing video is checked, and when to give up on it. */
export const VIDEO_POLL_SECONDS = 15;
const VIDEO_DEADLINE_MS = 30 * 60 * 1000;

export function withAccount<T>(plan: LaunchPlan, work: (api: GraphApi) => Promise<T>): Promise<T> {
  return withMetaConnection(plan.campaign.metaAccountId, { adAccountId: plan.campaign.adAccountId }, (api) => work(api));
}

async function assetBytes(ad: LaunchAd, label: string): Promise<Uint8Array> {
  const bytes = await readBytes(storage(), ad.asset.storageKey);
  if (!bytes) throw new PermanentJobError(`The file for ${label} is no longer in your library. Choose another one and launch again.`);
  return bytes;
}

/** Meta derives the hash from the bytes, so an upload that is repeated yields the same hash and nothing new. */
export async function uploadImage(plan: LaunchPlan, ad: LaunchAd, label: string): Promise<{ hash: string }> {
  const recorded = await currentAd(ad.id);
  if (recorded.metaImageHash) return { hash: recorded.metaImageHash };
  const bytes = await assetBytes(ad, label);
  const image = await withAccount(plan, (api) => uploadAdImage(api, plan.campaign.adAccountId, bytes));
  await db.transaction(async (tx) => {
    await tx.update(campaignAds).set({ metaImageHash: image.hash }).where(eq(campaignAds.id, ad.id));
    await recordAudit(tx, {
      userId: plan.campaign.userId,
      action: "meta.ad_image.upload",
      entityType: "campaign_ad",
      entityId: ad.id,
      after: { adAccountId: plan.campaign.adAccountId, hash: image.hash, assetId: ad.assetId },
    });
  });
  return { hash: image.hash };
}

export type UploadedVideo = { videoId: string; uploadedAt: number };

/** Uploads once: the id is on the row before the step ends, and a recorded id is never uploaded again. */
export async function uploadVideo(plan: LaunchPlan, ad: LaunchAd, label: string): Promise<UploadedVideo> {
  const recorded = await currentAd(ad.id);
  if (recorded.metaVideoId) return { videoId: recorded.metaVideoId, uploadedAt: Date.now() };
  const bytes = await assetBytes(ad, label);
  const { videoId } = await withAccount(plan, (api) => uploadAdVideo(api, plan.campaign.adAccountId, bytes, ad.headline || plan.campaign.name));
  await db.transaction(async (tx) => {
    await tx.update(campaignAds).set({ metaVideoId: videoId }).where(eq(campaignAds.id, ad.id));
    await recordAudit(tx, {
      userId: plan.campaign.userId,
      action: "meta.ad_video.upload",
      entityType: "campaign_ad",
      entityId: ad.id,
      after: { adAccountId: plan.campaign.adAccountId, videoId, assetId: ad.assetId },
    });
  });
  return { videoId, uploadedAt: Date.now() };
}

export type ReadyVideo = { videoId: string; thumbnailUrl: string };

/**
 * Looks the video up by its recorded id; while Meta is still processing it the
 * step is delivered again in 15 s (RetryLater), without uploading anything.
 */
export async function waitForVideo(plan: LaunchPlan, uploaded: UploadedVideo, label: string): Promise<ReadyVideo> {
  const state = await withAccount(plan, async (api) => {
    const status = await adVideoStatus(api, uploaded.videoId);
    if (status.status !== "ready") return { status };
    // Video ads need a thumbnail; the one Meta made while processing will do.
    const video = await api.call<{ picture?: string }>("GET", [uploaded.videoId], { fields: "picture" });
    return { status, picture: video.picture };
  });
  if (state.status.status === "error") throw new PermanentJobError(`Meta could not process ${label}. Choose another video and launch again.`);
  if (state.status.status === "processing") {
    if (Date.now() - uploaded.uploadedAt > VIDEO_DEADLINE_MS) throw new PermanentJobError(`Meta took more than 30 minutes to process ${label}. Try again later.`);
    throw new RetryLater(VIDEO_POLL_SECONDS, `Meta is processing ${label} (${state.status.progress}%)`);
  }
  if (!state.picture) throw new PermanentJobError(`Meta made no thumbnail for ${label}. Choose another video and launch again.`);
  return { videoId: uploaded.videoId, thumbnailUrl: state.picture };
}
