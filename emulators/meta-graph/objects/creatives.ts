import { graphTime, type CallContext } from "../context";
import { invalidAdsParam, invalidParam, requiredParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, CreativeRecord } from "../types";
import { CALL_TO_ACTION_TYPES } from "../validation";
import { asRecord, newestFirst, nowIso } from "./common";

export const creativeView: NodeView<CreativeRecord> = {
  typeName: "AdCreative",
  defaultFields: ["id"],
  async render(ctx, creative) {
    const spec = creative.objectStorySpec ?? {};
    const link = asRecord(spec.link_data);
    const video = asRecord(spec.video_data);
    const imageHash = (link?.image_hash ?? video?.image_hash) as string | undefined;
    const image = imageHash ? await ctx.store.get("images", `${creative.accountId}:${imageHash}`) : undefined;
    const cta = asRecord(link?.call_to_action ?? video?.call_to_action);
    return {
      id: creative.id,
      account_id: creative.accountId,
      name: creative.name,
      status: "ACTIVE",
      object_story_spec: creative.objectStorySpec ?? undefined,
      object_story_id: creative.objectStoryId ?? undefined,
      effective_object_story_id: creative.objectStoryId ?? `${String(spec.page_id ?? "0")}_${creative.id}`,
      object_type: video ? "VIDEO" : "SHARE",
      image_hash: imageHash,
      image_url: image?.url ?? (video?.image_url as string | undefined),
      thumbnail_url: image?.url ?? (video?.image_url as string | undefined),
      video_id: video?.video_id,
      title: (link?.name ?? video?.title) as string | undefined,
      body: (link?.message ?? video?.message) as string | undefined,
      link_url: link?.link,
      call_to_action_type: cta?.type,
      created_time: graphTime(creative.createdTime),
    };
  },
};

export async function listCreatives(ctx: CallContext, accountId: string) {
  return listEdge(ctx, newestFirst(await ctx.store.list("creatives", { accountId })), creativeView);
}

function checkCallToAction(value: unknown): void {
  if (value === undefined) return;
  const cta = asRecord(value);
  if (!cta || !CALL_TO_ACTION_TYPES.has(String(cta.type))) throw invalidParam(`Param call_to_action[type] must be one of {${[...CALL_TO_ACTION_TYPES].join(", ")}}`);
}

/** object_story_spec references (page, image hash, video) must be the account's or the user's. */
async function checkStorySpec(ctx: CallContext, account: AdAccountRecord, spec: Record<string, unknown>): Promise<void> {
  const pageId = spec.page_id === undefined ? undefined : String(spec.page_id);
  if (!pageId) throw requiredParam("object_story_spec[page_id]");
  const page = await ctx.store.get("pages", pageId);
  if (!page || page.ownerUserId !== ctx.user.id) {
    throw invalidAdsParam(1487471, "Invalid Page", `You don't have permission to advertise for page ${pageId}.`, "object_story_spec");
  }
  const link = asRecord(spec.link_data);
  const video = asRecord(spec.video_data);
  if (!link && !video) throw invalidParam("object_story_spec needs link_data or video_data");
  const hash = (link?.image_hash ?? video?.image_hash) as string | undefined;
  if (hash !== undefined && !(await ctx.store.get("images", `${account.id}:${String(hash)}`))) {
    throw invalidAdsParam(1487242, "Image Not Found", `The image with hash ${String(hash)} isn't in ad account ${account.id}. Upload it to /adimages first.`, "object_story_spec");
  }
  if (link) {
    if (typeof link.link !== "string" || !/^https?:\/\//.test(link.link)) throw invalidAdsParam(1443048, "Link Required", "link_data.link must be a valid URL.", "object_story_spec");
    checkCallToAction(link.call_to_action);
  }
  if (video) {
    const videoId = video.video_id === undefined ? undefined : String(video.video_id);
    if (!videoId) throw requiredParam("object_story_spec[video_data][video_id]");
    const record = await ctx.store.get("videos", videoId);
    if (!record || record.accountId !== account.id) throw invalidAdsParam(1487390, "Video Not Found", `The video ${videoId} isn't in ad account ${account.id}.`, "object_story_spec");
    if (video.image_url === undefined && video.image_hash === undefined) {
      throw invalidAdsParam(1443226, "Video Thumbnail Required", "Video ads need a thumbnail: set video_data.image_url or video_data.image_hash.", "object_story_spec");
    }
    checkCallToAction(video.call_to_action);
  }
}

export async function createCreative(ctx: CallContext, account: AdAccountRecord): Promise<{ id: string }> {
  const spec = ctx.params.jsonObject("object_story_spec");
  const storyId = ctx.params.string("object_story_id");
  if (!spec && !storyId) throw requiredParam("object_story_spec");
  if (spec) await checkStorySpec(ctx, account, spec);
  const creative: CreativeRecord = {
    id: await ctx.store.nextId(),
    accountId: account.id,
    name: ctx.params.string("name") ?? "",
    objectStorySpec: spec ?? null,
    objectStoryId: storyId ?? null,
    createdTime: nowIso(ctx),
  };
  await ctx.store.put("creatives", creative);
  return { id: creative.id };
}

/** Creatives are immutable on Graph except for their name. */
export async function updateCreative(ctx: CallContext, creative: CreativeRecord): Promise<void> {
  const immutable = Object.keys(ctx.params.values).filter((key) => !["name", "access_token", "appsecret_proof", "fields", "status"].includes(key));
  if (immutable.length > 0) throw invalidParam(`Param ${immutable[0]} cannot be changed on an existing creative`);
  await ctx.store.put("creatives", { ...creative, name: ctx.params.string("name") ?? creative.name });
}
