import { invalidArgument, GoogleApiError } from "./errors";
import { encodeStill } from "./h264";
import { muxMp4 } from "./mp4";
import { renderPicture } from "./picture";
import type { EmulatorState } from "./state";

/** Veo renders at 24 frames a second. */
const FPS = 24;

/**
 * GET files/{id}:download?alt=media: the generated MP4, a real H.264 file
 * (a still picture for the clip's duration), encoded on first download and kept.
 */
export async function downloadFile(state: EmulatorState, id: string, url: URL): Promise<Response> {
  if (url.searchParams.get("alt") !== "media") throw invalidArgument("Downloading a file needs alt=media.");
  const file = state.files.get(id);
  // Google answers a missing or foreign file with 403, not 404.
  if (!file) throw new GoogleApiError(403, "PERMISSION_DENIED", `You do not have permission to access the File ${id} or it may not exist.`);
  if (!file.bytes) {
    const { data, info } = await renderPicture(file.prompt, file.width, file.height).raw().toBuffer({ resolveWithObject: true });
    const stream = encodeStill(data, info.width, info.height, file.durationSeconds * FPS);
    file.bytes = muxMp4(stream, { width: file.width, height: file.height, fps: FPS });
  }
  return new Response(new Uint8Array(file.bytes), { headers: { "content-type": "video/mp4", "content-length": String(file.bytes.length) } });
}
