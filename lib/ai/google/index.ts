import "server-only";
import { GoogleGenAI } from "@google/genai";
import type { AdCopyRequest, AiProvider, ImageRequest, SiteExtract, ExplainRequest, StrategyRequest, VideoRequest } from "../types";
import { writeAdCopy } from "./ad-copy";
import { analyzeBrand } from "./brand";
import type { GoogleContext, GoogleModels } from "./context";
import { generateImage } from "./image";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import { explainAdvice } from "./explain";
import { recommendStrategy } from "./strategy";
import { pollVideo, startVideo } from "./video";

export type { GoogleModels } from "./context";
export type { RetryPolicy } from "./retry";

export type GoogleProviderOptions = {
  apiKey: string;
  /** Gemini API origin; the SDK's default (generativelanguage.googleapis.com) when absent */
  baseUrl?: string;
  models: GoogleModels;
  /** per attempt, in ms (default 120 s: image generation can take most of a minute) */
  timeoutMs?: number;
  /** default 3 attempts, 1 s base, 8 s cap */
  retry?: RetryPolicy;
  /** tests pass a fake to skip real waiting */
  sleep?: (ms: number) => Promise<void>;
};

const GOOGLE_API_ORIGIN = "https://generativelanguage.googleapis.com";
const DEFAULT_TIMEOUT_MS = 120_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Gemini (text, images) and Veo (video) through the official @google/genai SDK
 * on the Gemini Developer API. Every call maps failures to AiError and retries
 * the retryable ones itself (the SDK's own retries stay off, so the policy is
 * bounded and testable).
 */
export class GoogleProvider implements AiProvider {
  readonly name = "google" as const;
  private readonly context: GoogleContext;

  constructor(options: GoogleProviderOptions) {
    if (!options.apiKey) throw new Error("GoogleProvider needs an API key");
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const baseUrl = options.baseUrl?.replace(/\/+$/, "") || GOOGLE_API_ORIGIN;
    this.context = {
      // Everything explicit, so the SDK's own environment variables (GOOGLE_GENAI_USE_VERTEXAI,
      // GOOGLE_GEMINI_BASE_URL) cannot redirect calls or the key.
      ai: new GoogleGenAI({ vertexai: false, apiKey: options.apiKey, apiVersion: "v1beta", httpOptions: { baseUrl, timeout: timeoutMs } }),
      apiKey: options.apiKey,
      apiOrigin: new URL(baseUrl).origin,
      models: options.models,
      timeoutMs,
      retry: options.retry ?? DEFAULT_RETRY,
      sleep: options.sleep ?? realSleep,
      refusedRatios: new Set(),
    };
  }

  analyzeBrand(site: SiteExtract) {
    return analyzeBrand(this.context, site);
  }

  writeAdCopy(request: AdCopyRequest) {
    return writeAdCopy(this.context, request);
  }

  recommendStrategy(request: StrategyRequest) {
    return recommendStrategy(this.context, request);
  }

  explainAdvice(request: ExplainRequest) {
    return explainAdvice(this.context, request);
  }

  generateImage(request: ImageRequest) {
    return generateImage(this.context, request);
  }

  startVideo(request: VideoRequest) {
    return startVideo(this.context, request);
  }

  pollVideo(operation: string) {
    return pollVideo(this.context, operation);
  }
}
