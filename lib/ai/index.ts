import "server-only";
import type { AiOperation } from "@/db/schema";
import { deployment, env } from "@/lib/env";
import { GoogleProvider } from "./google";
import { OfflineProvider } from "./offline";
import type { AdCopy, AdCopyRequest, AiProvider, ExplainRequest, BrandAnalysis, ImageRequest, SiteExtract, StrategyRecommendation, StrategyRequest, VideoRequest, WithUsage } from "./types";
import { metered } from "./usage";

export * from "./types";
export { AiError, isAiError } from "./errors";

let instance: AiProvider | undefined;

/** The provider `lib/env.ts` chose: Gemini and Veo with a key, the offline renderer without. */
export function aiProvider(): AiProvider {
  instance ??=
    deployment.ai === "google"
      ? new GoogleProvider({
          apiKey: env.GOOGLE_API_KEY!,
          baseUrl: env.GOOGLE_GENAI_BASE_URL,
          models: { text: env.AI_TEXT_MODEL, image: env.AI_IMAGE_MODEL, video: env.AI_VIDEO_MODEL },
        })
      : new OfflineProvider();
  return instance;
}

/** Tests swap the provider (e.g. a GoogleProvider pointed at the emulator). */
export function setAiProviderForTests(provider: AiProvider | undefined): void {
  instance = provider;
}

function modelFor(provider: AiProvider, operation: AiOperation): string {
  if (provider.name === "offline") return operation === "image" || operation.startsWith("video") ? "offline-renderer" : "offline-heuristics";
  if (operation === "image") return env.AI_IMAGE_MODEL;
  if (operation.startsWith("video")) return env.AI_VIDEO_MODEL;
  return env.AI_TEXT_MODEL;
}

/**
 * The provider's calls on behalf of one user, each metered into ai_usage. This is
 * what features call; the raw provider is for tests and the emulator benchmark.
 */
export function aiFor(userId: string | null, provider: AiProvider = aiProvider()) {
  const meter = <T>(operation: AiOperation, call: () => Promise<WithUsage<T>>) =>
    metered({ userId, provider: provider.name, operation, model: modelFor(provider, operation) }, call);
  return {
    provider: provider.name,
    analyzeBrand: (site: SiteExtract): Promise<BrandAnalysis> => meter("analyze_brand", () => provider.analyzeBrand(site)),
    writeAdCopy: (request: AdCopyRequest): Promise<AdCopy[]> => meter("ad_copy", () => provider.writeAdCopy(request)),
    generateImage: (request: ImageRequest) => meter("image", () => provider.generateImage(request)),
    startVideo: (request: VideoRequest) => meter("video_start", () => provider.startVideo(request)),
    pollVideo: (operation: string) => meter("video_poll", () => provider.pollVideo(operation)),
    recommendStrategy: (request: StrategyRequest): Promise<StrategyRecommendation> => meter("strategy", () => provider.recommendStrategy(request)),
    explainAdvice: (request: ExplainRequest): Promise<string> => meter("explain", () => provider.explainAdvice(request)),
  };
}

export type AiClient = ReturnType<typeof aiFor>;
