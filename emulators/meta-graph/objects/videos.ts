import { graphTime, type CallContext } from "../context";
import { invalidParam, requiredParam } from "../errors";
import type { NodeView } from "../fields";
import { listEdge } from "../paging";
import type { AdAccountRecord, UploadSessionRecord, VideoRecord } from "../types";
import { newestFirst, nowIso } from "./common";

/** Chunk size the emulator asks for in resumable uploads (Meta picks its own; clients must follow end_offset). */
export const CHUNK_BYTES = 1024 * 1024;
/** Status polls answered "processing" before a video turns "ready". */
const PROCESSING_POLLS = 2;

function videoStatus(video: VideoRecord): { video_status: string; processing_progress: number } {
  if (video.uploading) return { video_status: "upload_pending", processing_progress: 0 };
  if (video.statusPolls <= PROCESSING_POLLS) return { video_status: "processing", processing_progress: Math.round((video.statusPolls / (PROCESSING_POLLS + 1)) * 100) };
  return { video_status: "ready", processing_progress: 100 };
}

export const videoView: NodeView<VideoRecord> = {
  typeName: "AdVideo",
  defaultFields: ["id", "title"],
  async render(ctx, video) {
    return {
      id: video.id,
      title: video.title,
      status: videoStatus(video),
      // Length is not decoded from the file; a size-based guess is enough for a sandbox.
      length: Math.max(1, Math.round(video.sizeBytes / 250_000)),
      picture: `${ctx.baseUrl}/sandbox-media/video-thumbnail.png`,
      source: video.fileUrl ?? undefined,
      created_time: graphTime(video.createdTime),
      updated_time: graphTime(video.createdTime),
    };
  },
};

/** A status read is how clients poll processing, so each one moves the video along. */
export async function noteVideoRead(ctx: CallContext, video: VideoRecord): Promise<VideoRecord> {
  const fields = ctx.params.string("fields") ?? "";
  if (video.uploading || !/(^|,)\s*status\b/.test(fields)) return video;
  const next = { ...video, statusPolls: video.statusPolls + 1 };
  await ctx.store.put("videos", next);
  return next;
}

export async function listVideos(ctx: CallContext, accountId: string) {
  return listEdge(ctx, newestFirst(await ctx.store.list("videos", { accountId })), videoView);
}

async function newVideo(ctx: CallContext, account: AdAccountRecord, fields: Pick<VideoRecord, "source" | "fileUrl" | "sizeBytes" | "uploading">): Promise<VideoRecord> {
  const video: VideoRecord = { id: await ctx.store.nextId(), accountId: account.id, title: ctx.params.string("title") ?? ctx.params.string("name") ?? "", statusPolls: 0, createdTime: nowIso(ctx), ...fields };
  await ctx.store.put("videos", video);
  return video;
}

async function uploadSession(ctx: CallContext, account: AdAccountRecord): Promise<UploadSessionRecord> {
  const id = ctx.params.string("upload_session_id");
  if (!id) throw requiredParam("upload_session_id");
  const session = await ctx.store.get("uploadSessions", id);
  if (!session || session.accountId !== account.id) throw invalidParam(`Invalid upload_session_id ${id}`);
  return session;
}

const offsets = (session: UploadSessionRecord) => ({
  start_offset: String(session.received),
  end_offset: String(Math.min(session.fileSize, session.received + CHUNK_BYTES)),
});

/**
 * POST /act_{id}/advideos: `file_url`, multipart `source`, or the resumable
 * upload (`upload_phase` start → transfer… → finish).
 */
export async function createVideo(ctx: CallContext, account: AdAccountRecord): Promise<Record<string, unknown>> {
  const p = ctx.params;
  const phase = p.string("upload_phase");
  if (phase === "start") {
    const size = p.int("file_size");
    if (!size || size <= 0) throw requiredParam("file_size");
    const video = await newVideo(ctx, account, { source: "chunked", fileUrl: null, sizeBytes: size, uploading: true });
    const session: UploadSessionRecord = { id: await ctx.store.nextId(), videoId: video.id, accountId: account.id, fileSize: size, received: 0, finished: false };
    await ctx.store.put("uploadSessions", session);
    return { upload_session_id: session.id, video_id: video.id, ...offsets(session) };
  }
  if (phase === "transfer") {
    const session = await uploadSession(ctx, account);
    const chunk = p.files.video_file_chunk?.bytes ?? (p.string("video_file_chunk") !== undefined ? Buffer.from(p.string("video_file_chunk") ?? "", "binary") : undefined);
    if (!chunk) throw requiredParam("video_file_chunk");
    if (p.int("start_offset") !== session.received) {
      throw invalidParam(`start_offset ${p.string("start_offset") ?? "(missing)"} does not match the expected offset ${session.received}`);
    }
    if (session.received + chunk.length > session.fileSize) throw invalidParam("The chunk extends past file_size");
    const next = { ...session, received: session.received + chunk.length };
    await ctx.store.put("uploadSessions", next);
    return offsets(next);
  }
  if (phase === "finish") {
    const session = await uploadSession(ctx, account);
    if (session.received !== session.fileSize) throw invalidParam(`Upload incomplete: received ${session.received} of ${session.fileSize} bytes`);
    await ctx.store.put("uploadSessions", { ...session, finished: true });
    const video = await ctx.store.get("videos", session.videoId);
    if (video) await ctx.store.put("videos", { ...video, uploading: false, title: p.string("title") ?? video.title });
    return { success: true };
  }
  if (phase !== undefined) throw invalidParam("Param upload_phase must be one of {start, transfer, finish, cancel}");

  const fileUrl = p.string("file_url");
  if (fileUrl) {
    if (!/^https?:\/\//.test(fileUrl)) throw invalidParam("Param file_url must be a URL");
    return { id: (await newVideo(ctx, account, { source: "file_url", fileUrl, sizeBytes: 5_000_000, uploading: false })).id };
  }
  const source = p.files.source;
  if (source && source.bytes.length > 0) {
    return { id: (await newVideo(ctx, account, { source: "upload", fileUrl: null, sizeBytes: source.bytes.length, uploading: false })).id };
  }
  throw invalidParam("No video was uploaded: send file_url, a multipart source, or use upload_phase");
}
