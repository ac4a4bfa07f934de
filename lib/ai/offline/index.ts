import "server-only";
import type { AiProvider, AdCopyRequest, ImageRequest, SiteExtract, ExplainRequest, StrategyRequest, VideoRequest } from "../types";
import { renderAdImage, renderAdVideo } from "./render";
import { analyzeBrandOffline, recommendStrategyOffline, writeAdCopyOffline } from "./text";

const TEXT_MODEL = "offline-heuristics";
const RENDER_MODEL = "offline-renderer";

/**
 * The embedded default: brand analysis and copy by heuristics, creatives rendered
 * on this machine (SVG → PNG, ffmpeg → H.264). No key, no network, no cost.
 */
export class OfflineProvider implements AiProvider {
  readonly name = "offline" as const;

  async analyzeBrand(site: SiteExtract) {
    return { result: analyzeBrandOffline(site), usage: { model: TEXT_MODEL } };
  }

  async writeAdCopy(request: AdCopyRequest) {
    return { result: writeAdCopyOffline(request), usage: { model: TEXT_MODEL } };
  }

  /** The template sentence is the offline explanation. */
  async explainAdvice(request: ExplainRequest) {
    return { result: request.draft, usage: { model: TEXT_MODEL } };
  }

  async recommendStrategy(request: StrategyRequest) {
    return { result: recommendStrategyOffline(request), usage: { model: TEXT_MODEL } };
  }

  async generateImage(request: ImageRequest) {
    return { result: await renderAdImage(request), usage: { model: RENDER_MODEL, images: 1 } };
  }

  async startVideo(request: VideoRequest) {
    const video = await renderAdVideo(request);
    return { result: { status: "done" as const, video }, usage: { model: RENDER_MODEL, videoSeconds: video.durationSeconds } };
  }

  /** Offline videos are finished by startVideo, so there is never an operation to poll. */
  async pollVideo(operation: string): Promise<never> {
    throw new Error(`The offline provider has no long-running operations (asked for ${operation})`);
  }
}
