import type { BrandContext, CallToAction } from "@/lib/ai/types";

/**
 * The words set on a creative when the caller gives none: a short, title-like
 * headline pulled out of the prompt, a button label, and a display website.
 */

const CTA_LABELS: Record<CallToAction, string> = {
  LEARN_MORE: "Learn more",
  SHOP_NOW: "Shop now",
  SIGN_UP: "Sign up",
  BOOK_NOW: "Book now",
  CONTACT_US: "Contact us",
  DOWNLOAD: "Download",
  GET_OFFER: "Get offer",
  SUBSCRIBE: "Subscribe",
};

const MAX_CTA_CHARS = 28;

/** "SHOP_NOW" → "Shop now"; free text is kept (trimmed); nothing → "Learn more". */
export function ctaLabel(callToAction: string | undefined): string {
  const text = (callToAction ?? "").replace(/\s+/g, " ").trim();
  if (text === "") return CTA_LABELS.LEARN_MORE;
  if (text in CTA_LABELS) return CTA_LABELS[text as CallToAction];
  if (/^[A-Z]+(_[A-Z]+)+$/.test(text)) return sentenceCase(text.replaceAll("_", " "));
  return text.length > MAX_CTA_CHARS ? `${text.slice(0, MAX_CTA_CHARS - 1).trimEnd()}\u2026` : text;
}

/** "https://www.acme.com/shop/" → "acme.com/shop". */
export function displayWebsite(url: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  const bare = url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  return bare === "" ? undefined : bare.toLowerCase();
}

const MAX_HEADLINE_WORDS = 7;

// Instructions to the image model that are not copy: "Create an Instagram ad for ...".
const LEADING_INSTRUCTIONS = [
  /^(please\s+)?(can you\s+)?(create|make|generate|design|produce|write|draw|build|give me|i want|i need|we need|need)\b\s*/i,
  /^(me\s+)?(an?|the|some|one)\s+/i,
  /^(eye[- ]catching|modern|simple|clean|bold|minimal|elegant|playful|beautiful|stunning|vibrant|photo(graphic|realistic)?|square|vertical|horizontal|new)\s+/i,
  /^(facebook|instagram|meta|social( media)?|story|stories|reels?|feed)\s+/i,
  /^(ads?|adverts?|advertisements?|creatives?|images?|pictures?|photos?|posts?|banners?|videos?|visuals?|graphics?)\b\s*/i,
  /^(for|about|of|showing|that shows|featuring|to|which|promoting|announcing|advertising)\s+/i,
  /^(promote|promoting|advertise|advertising|announce|announcing|show|showcase|showcasing|highlight|highlighting|feature|featuring|launch of|launching)\s+/i,
];

// Words a title should not end on.
const DANGLING = new Set(["a", "an", "the", "and", "or", "of", "for", "to", "with", "in", "on", "at", "by", "from", "our", "your", "my", "is", "are", "that", "this", "&"]);
const SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "of", "for", "to", "with", "in", "on", "at", "by", "from", "vs", "via"]);

/**
 * A headline from the prompt: quoted text when the marketer wrote some, else the
 * first clause without the "make an ad for" preamble, at most seven words, in
 * title case. Falls back to the brand's first value proposition or name.
 */
export function headlineFromPrompt(prompt: string, brand: BrandContext | null): string {
  const quoted = /["“«]([^"”»]{3,80})["”»]/.exec(prompt)?.[1]?.trim();
  if (quoted) return quoted;

  let clause = prompt.replace(/\s+/g, " ").trim().split(/[.!?;:\n]|\s[–—-]\s|,\s/)[0] ?? "";
  for (let pass = 0; pass < 3; pass++) {
    for (const instruction of LEADING_INSTRUCTIONS) clause = clause.replace(instruction, "");
  }
  const words = clause.split(" ").filter(Boolean).slice(0, MAX_HEADLINE_WORDS);
  while (words.length > 1 && DANGLING.has((words.at(-1) ?? "").toLowerCase())) words.pop();
  if (words.length >= 2 || (words.length === 1 && (words[0]?.length ?? 0) > 3)) return titleCase(words);

  const fallback = brand?.valuePropositions.find((text) => text.trim().length > 0 && text.length <= 60) ?? brand?.name;
  return fallback?.trim() || "Discover something new";
}

function titleCase(words: string[]): string {
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return lower;
      // Keep acronyms, brand casing (iPhone) and anything with digits as written.
      if (/[A-Z]/.test(word.slice(1)) || /\d/.test(word)) return word;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(" ");
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
