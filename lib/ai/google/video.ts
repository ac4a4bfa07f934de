import "server-only";
import { GenerateVideosOperation } from "@google/genai";
import { AiError } from "../errors";
import type { GeneratedVideo, VideoPoll, VideoRequest, VideoStart, WithUsage } from "../types";
import { callGoogle, type GoogleContext } from "./context";
import { downloadVideo } from "./download";
import { VIDEO_NEGATIVE_PROMPT, videoPrompt } from "./media-prompt";
import { readMp4Info } from "./mp4-info";
import { safetyBlocked } from "./safety";

const OPERATION_NAME = /^models\/([^/]+)\/operations\/[^/]+$/;

/**
 * Veo renders 16:9 or 9:16 only. The 9:16 portrait is used for the feed formats
 * too (1:1, 4:5): it crops to them with the least loss; the video is returned as
 * rendered and reports its real size, so any crop happens downstream.
 */
const veoAspect = (format: VideoRequest["format"]): "16:9" | "9:16" => (format === "16:9" ? "16:9" : "9:16");

export async function startVideo(context: GoogleContext, request: VideoRequest): Promise<WithUsage<VideoStart>> {
  const model = context.models.video;
  const aspectRatio = veoAspect(request.format);
  const operation = await callGoogle(context, () =>
    context.ai.models.generateVideos({
      model,
      source: { prompt: videoPrompt(request, aspectRatio) },
      config: { aspectRatio, durationSeconds: request.durationSeconds, resolution: "720p", numberOfVideos: 1, negativePrompt: VIDEO_NEGATIVE_PROMPT },
    }),
  );
  if (!operation.name) throw new AiError("invalid_output", "Google did not start the video. Please try again.");
  // Billed by the second once the video exists; pollVideo reports the seconds.
  return { result: { status: "pending", operation: operation.name }, usage: { model } };
}

/** Google's failure codes (google.rpc.Code) on a finished operation, in the marketer's terms. */
function operationFailure(error: Record<string, unknown>): AiError {
  const code = Number(error.code);
  const details = { providerMessage: String(error.message ?? "").slice(0, 500) };
  if (code === 3) return new AiError("invalid_request", "Google could not make a video from this description. Try describing the scene differently.", details);
  if (code === 8) return new AiError("quota_exhausted", "AdPilot has used up its Google video allowance for now. Try again later.", details);
  // The operation is over: polling it again cannot help, so this is not a retryable kind.
  return new AiError("invalid_output", "Google could not finish this video. Please generate it again.", details);
}

export async function pollVideo(context: GoogleContext, name: string): Promise<WithUsage<VideoPoll>> {
  const model = OPERATION_NAME.exec(name)?.[1];
  if (!model) throw new AiError("invalid_request", "This video job refers to an unknown Google operation.", { providerMessage: name.slice(0, 200) });
  const handle = new GenerateVideosOperation();
  handle.name = name;
  const operation = await callGoogle(context, () => context.ai.operations.getVideosOperation({ operation: handle }));
  if (!operation.done) return { result: { status: "pending" }, usage: { model } };
  if (operation.error) throw operationFailure(operation.error);

  const response = operation.response;
  const video = response?.generatedVideos?.[0]?.video;
  if (!video?.uri && !video?.videoBytes) {
    if ((response?.raiMediaFilteredCount ?? 0) > 0) throw safetyBlocked("video", response?.raiMediaFilteredReasons?.join(" ") ?? "RAI media filter");
    throw new AiError("invalid_output", "Google finished the video job without a video. Please generate it again.");
  }
  const bytes = video.videoBytes ? Buffer.from(video.videoBytes, "base64") : await downloadVideo(context, video.uri ?? "");
  const info = readMp4Info(bytes);
  if (!info) throw new AiError("invalid_output", "Google returned a video file AdPilot could not read. Please generate it again.");
  const result: GeneratedVideo = { bytes, mimeType: "video/mp4", width: info.width, height: info.height, durationSeconds: info.durationSeconds };
  return { result: { status: "done", video: result }, usage: { model, videoSeconds: info.durationSeconds } };
}
