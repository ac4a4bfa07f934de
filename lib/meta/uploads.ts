import "server-only";
import { GRAPH_VERSION } from "./config";
import { classifyMetaError } from "./errors";
import type { GraphApi } from "./graph-api";
import { graphRequest } from "./graph-fetch";

/**
 * Uploads go around the SDK: its file and multipart uploads send an empty body
 * (meta-graph-api.md). Same token, appsecret_proof, usage reporting and error
 * classification as every SDK call.
 */
async function graphPost<T>(api: GraphApi, path: string, body: URLSearchParams | FormData): Promise<T> {
  body.set("access_token", api.accessToken);
  body.set("appsecret_proof", api.appSecretProof);
  return graphRequest<T>(`${api.graphUrl}/${GRAPH_VERSION}/${path}`, { method: "POST", body }, api.onUsage);
}

/** Uploads image bytes to an ad account's image library; the hash is what ad creatives reference. */
export async function uploadAdImage(api: GraphApi, adAccountId: string, bytes: Uint8Array): Promise<{ hash: string; url: string }> {
  const body = new URLSearchParams({ bytes: Buffer.from(bytes).toString("base64") });
  const result = await graphPost<{ images: Record<string, { hash: string; url: string }> }>(api, `${adAccountId}/adimages`, body);
  const image = Object.values(result.images)[0];
  if (!image) throw classifyMetaError({ status: 200, error: { code: 1, message: "Meta returned no image hash" } });
  return image;
}

/** Meta's resumable video upload: start, transfer chunk by chunk as Meta asks, finish. */
export async function uploadAdVideo(api: GraphApi, adAccountId: string, bytes: Uint8Array, title: string): Promise<{ videoId: string }> {
  const path = `${adAccountId}/advideos`;
  const start = await graphPost<{ upload_session_id: string; video_id: string; start_offset: string; end_offset: string }>(
    api,
    path,
    new URLSearchParams({ upload_phase: "start", file_size: String(bytes.byteLength) }),
  );
  let offsets = { start: Number(start.start_offset), end: Number(start.end_offset) };
  // Bounded: Meta's chunks are at least a few MB, so this is far more than any creative needs.
  for (let chunk = 0; offsets.start < offsets.end && chunk < 1000; chunk++) {
    const form = new FormData();
    form.set("upload_phase", "transfer");
    form.set("upload_session_id", start.upload_session_id);
    form.set("start_offset", String(offsets.start));
    form.set("video_file_chunk", new Blob([bytes.slice(offsets.start, offsets.end)]), "chunk");
    const next = await graphPost<{ start_offset: string; end_offset: string }>(api, path, form);
    offsets = { start: Number(next.start_offset), end: Number(next.end_offset) };
  }
  await graphPost(api, path, new URLSearchParams({ upload_phase: "finish", upload_session_id: start.upload_session_id, title }));
  return { videoId: start.video_id };
}

/** Where Meta's processing of an uploaded video stands; callers poll by delayed re-delivery. */
export async function adVideoStatus(api: GraphApi, videoId: string): Promise<{ status: "processing" | "ready" | "error"; progress: number }> {
  const url = new URL(`${api.graphUrl}/${GRAPH_VERSION}/${videoId}`);
  url.searchParams.set("fields", "status");
  url.searchParams.set("access_token", api.accessToken);
  url.searchParams.set("appsecret_proof", api.appSecretProof);
  const body = await graphRequest<{ status?: { video_status?: string; processing_progress?: number } }>(url, { method: "GET" }, api.onUsage);
  const status = body.status?.video_status;
  return { status: status === "ready" || status === "error" ? status : "processing", progress: body.status?.processing_progress ?? 0 };
}
