/**
 * The contract every AI provider implements (google through @google/genai, offline
 * on this machine). Callers go through `aiProvider()` and the usage wrapper; they
 * never import a provider directly.
 */

/** The four Meta placements' shapes; the same strings as `creative_assets.format`. */
export const AD_FORMATS = ["1:1", "16:9", "9:16", "4:5"] as const;
export type AdFormat = (typeof AD_FORMATS)[number];

/** Pixel size of each format as Meta recommends it. */
export const FORMAT_SIZES: Record<AdFormat, { width: number; height: number }> = {
  "1:1": { width: 1080, height: 1080 },
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "4:5": { width: 1080, height: 1350 },
};

export const STYLE_PRESETS = ["bold", "minimal", "elegant", "playful", "photographic"] as const;
export type StylePreset = (typeof STYLE_PRESETS)[number];

/** What a brand kit contributes to a generation; every field may be missing. */
export type BrandContext = {
  name?: string;
  websiteUrl?: string;
  /** Hex colours, most important first: [primary, secondary, accent, ...]. */
  colors: string[];
  fonts: string[];
  tone: string[];
  audience?: string;
  valuePropositions: string[];
  wordsToUse: string[];
  wordsToAvoid: string[];
  /** PNG/JPEG/WebP/SVG bytes of the logo, already fetched from storage. */
  logo?: { bytes: Buffer; mimeType: string };
};

/** Everything the brand analyzer could read off a web page (no AI involved). */
export type SiteExtract = {
  url: string;
  title?: string;
  siteName?: string;
  description?: string;
  headings: string[];
  /** Main visible copy, whitespace-collapsed, at most ~6,000 characters. */
  copy: string;
  ogImage?: string;
  /** Absolute URLs of logo candidates, best first (explicit logo, apple-touch-icon, icon). */
  logoCandidates: string[];
  themeColor?: string;
  /** Hex colours ranked by how much the page uses them, most first, greys last. */
  palette: Array<{ color: string; weight: number }>;
  fonts: string[];
  language?: string;
};

/** The voice part of a brand kit, produced by a provider from a SiteExtract. */
export type BrandAnalysis = {
  name: string;
  summary: string;
  tone: string[];
  audience: string;
  valuePropositions: string[];
  wordsToUse: string[];
  wordsToAvoid: string[];
  /** Suggested palette (hex), primary first; the analyzer may keep the extracted one instead. */
  colors: string[];
};

export type CallToAction =
  | "LEARN_MORE"
  | "SHOP_NOW"
  | "SIGN_UP"
  | "BOOK_NOW"
  | "CONTACT_US"
  | "DOWNLOAD"
  | "GET_OFFER"
  | "SUBSCRIBE";

export type AdCopy = {
  primaryText: string;
  headline: string;
  description: string;
  callToAction: CallToAction;
};

export type AdCopyRequest = {
  prompt: string;
  brand: BrandContext | null;
  /** Campaign purpose when known ("lead_generation", "sales", ...). */
  purpose?: string;
  count: number;
};

export type ImageRequest = {
  prompt: string;
  format: AdFormat;
  style: StylePreset;
  brand: BrandContext | null;
  /** 0-based; variants of one request must differ visibly. */
  variant: number;
  /** Same prompt, format, style, brand, variant and seed → the same picture offline. */
  seed: number;
  /** Text to set on the creative (offline draws it; google is asked to leave room for it). */
  headline?: string;
  callToAction?: string;
};

export type GeneratedImage = {
  bytes: Buffer;
  mimeType: "image/png" | "image/jpeg";
  width: number;
  height: number;
};

export type VideoRequest = Omit<ImageRequest, "format"> & {
  format: Extract<AdFormat, "16:9" | "9:16"> | AdFormat;
  durationSeconds: 4 | 6 | 8;
};

export type GeneratedVideo = {
  bytes: Buffer;
  mimeType: "video/mp4";
  width: number;
  height: number;
  durationSeconds: number;
  /** A still for the library grid (PNG or JPEG). */
  poster?: GeneratedImage;
};

/** A video is either ready at once (offline) or a long-running operation to poll (Veo). */
export type VideoStart = { status: "done"; video: GeneratedVideo } | { status: "pending"; operation: string };
export type VideoPoll = { status: "done"; video: GeneratedVideo } | { status: "pending" };

/**
 * Placement ids a strategy may name: Meta's publisher platform and position, joined.
 * Defined here, in the contract, so the prompts and the campaign builder share one list.
 */
export const PLACEMENT_IDS = [
  "facebook_feed",
  "facebook_stories",
  "facebook_reels",
  "facebook_marketplace",
  "instagram_feed",
  "instagram_stories",
  "instagram_reels",
  "instagram_explore",
  "messenger_inbox",
  "audience_network",
] as const;

export type StrategyRequest = {
  purpose: string;
  brand: BrandContext | null;
  businessDescription?: string;
  country?: string;
};

export type StrategyRecommendation = {
  ageMin: number;
  ageMax: number;
  genders: Array<"male" | "female">; // empty = all
  interests: string[];
  placements: string[];
  advantageAudience: boolean;
  reasoning: string;
};

/** What one call consumed, for the ai_usage table and its cost estimate. */
export type UsageMeasure = {
  model: string;
  inputTokens?: number;
  outputTokens?: number;
  images?: number;
  videoSeconds?: number;
};

export type WithUsage<T> = { result: T; usage: UsageMeasure };

/**
 * Advice the product already worked out, to be said better: `draft` is the
 * template sentence, `facts` the numbers behind it. The answer may not add or
 * change a number.
 */
export type ExplainRequest = { draft: string; facts: string[] };

export interface AiProvider {
  readonly name: "google" | "offline";
  analyzeBrand(site: SiteExtract): Promise<WithUsage<BrandAnalysis>>;
  writeAdCopy(request: AdCopyRequest): Promise<WithUsage<AdCopy[]>>;
  generateImage(request: ImageRequest): Promise<WithUsage<GeneratedImage>>;
  startVideo(request: VideoRequest): Promise<WithUsage<VideoStart>>;
  pollVideo(operation: string): Promise<WithUsage<VideoPoll>>;
  recommendStrategy(request: StrategyRequest): Promise<WithUsage<StrategyRecommendation>>;
  explainAdvice(request: ExplainRequest): Promise<WithUsage<string>>;
}
