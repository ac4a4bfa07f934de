import "server-only";
import type { AdCopy, AdCopyRequest, BrandContext } from "../../types";
import { ANGLES, type Slots } from "./ad-copy-templates";
import { chooseCallToAction } from "./call-to-action";
import { AD_LIMITS, fitSentences, fitWords } from "./meta-limits";
import { readBrief, type Brief } from "./read-brief";
import { containsPhrase, stableHash } from "./words";
import { POLICY_SENSITIVE } from "./words-to-avoid";

const MAX_VARIANTS = 10;
const MAX_BENEFIT = 90;

/** Softer words for ones a brand avoids; without one, the word is dropped from the brief's phrase. */
const REPLACEMENTS: Record<string, string> = {
  cheap: "affordable",
  cheapest: "best-value",
  bargain: "great value",
  discount: "offer",
  discounted: "reduced",
  utilize: "use",
  leverage: "use",
};

const LIVELY = /playful|fun|bold|energetic|cheerful|enthusiastic|upbeat/i;
const REFINED = /luxurious|luxury|elegant|premium|sophisticated|refined/i;

function scrub(text: string, avoid: readonly string[]): string {
  let result = text;
  for (const phrase of avoid) {
    if (!containsPhrase(result, phrase)) continue;
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const replacement = REPLACEMENTS[phrase.toLowerCase()] ?? "";
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"), replacement);
  }
  return result.replace(/\s+/g, " ").replace(/\s+([,.!?])/g, "$1").trim();
}

function scrubBrief(brief: Brief, avoid: readonly string[], fallback: string): Brief {
  const product = scrub(brief.product, avoid) || fallback;
  // A replacement can be longer than the word it replaces ("cheap" → "affordable").
  const title = fitWords(scrub(brief.title, avoid), AD_LIMITS.headline) || fallback;
  const offer = brief.offer ? scrub(brief.offer, avoid) || undefined : undefined;
  return { ...brief, product, title, offer };
}

const clean = (items: string[] | undefined, avoid: readonly string[]) =>
  (items ?? []).map((item) => item.trim().replace(/[.!]+$/, "")).filter((item) => item && !avoid.some((phrase) => containsPhrase(item, phrase)));

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length > 0 ? items[index % items.length] : undefined;
}

/**
 * The first option (rotated by `offset`) that fits the limit whole, says none of
 * the avoided words and does not repeat `taken`; else the first, cut at a word.
 */
function firstFitting(options: string[], max: number, avoid: readonly string[], offset: number, taken = ""): string {
  const allowed = options.filter((option) => option.toLowerCase() !== taken.toLowerCase() && !avoid.some((phrase) => containsPhrase(option, phrase)));
  const rotated = [...allowed.slice(offset % Math.max(1, allowed.length)), ...allowed.slice(0, offset % Math.max(1, allowed.length))];
  return rotated.find((option) => option.length <= max) ?? fitWords(rotated[0] ?? "", max);
}

type Ingredients = Omit<Slots, "benefit" | "keyword" | "round"> & {
  benefits: string[];
  keywords: string[];
  start: number;
  purpose: string;
  avoid: readonly string[];
};

/** Variant number `attempt`: the angle turns every time, benefit, keyword and phrasing every round. */
function draftVariant(attempt: number, ingredients: Ingredients): AdCopy {
  const { benefits, keywords, start, purpose, avoid, ...fixed } = ingredients;
  const round = Math.floor(attempt / ANGLES.length);
  const slots: Slots = { ...fixed, benefit: pick(benefits, attempt), keyword: pick(keywords, attempt + round), round };
  const draft = ANGLES[(start + attempt) % ANGLES.length]!(slots, purpose);
  const primary = draft.primary.filter((part) => !avoid.some((phrase) => containsPhrase(part.text, phrase)));
  const headline = firstFitting(draft.headlines, AD_LIMITS.headline, avoid, round);
  return {
    primaryText: fitSentences(primary, AD_LIMITS.primaryText),
    headline,
    // The description sits right under the headline; saying the same twice wastes it.
    description: firstFitting(draft.descriptions, AD_LIMITS.description, avoid, round, headline),
    callToAction: fixed.cta,
  };
}

/**
 * Ad copy by templates: each variant takes a different angle (product, benefit,
 * offer) filled from the brief and the brand kit, within Meta's limits, without
 * the brand's words to avoid or policy-sensitive claims. Same input, same copy.
 */
export function writeAdCopyOffline(request: AdCopyRequest): AdCopy[] {
  const brand: BrandContext | null = request.brand;
  const count = Math.min(MAX_VARIANTS, Math.max(1, Math.floor(request.count)));
  const avoid = [...new Set([...(brand?.wordsToAvoid ?? []), ...POLICY_SENSITIVE].map((phrase) => phrase.trim().toLowerCase()).filter(Boolean))];
  const name = brand?.name?.trim() || undefined;
  const purpose = request.purpose ?? "default";

  const brief = scrubBrief(readBrief(request.prompt, name ?? "what we do"), avoid, name ?? "what we do");
  const cta = chooseCallToAction(request.purpose, brief, request.prompt);
  const benefits = clean(brand?.valuePropositions, avoid).filter((benefit) => benefit.length <= MAX_BENEFIT);
  const keywords = clean(brand?.wordsToUse, avoid);
  const tone = (brand?.tone ?? []).join(" ");
  const voice = { exclaim: LIVELY.test(tone), luxe: REFINED.test(tone) };
  const start = stableHash(`${request.prompt}|${purpose}|${name ?? ""}`) % ANGLES.length;

  const variants: AdCopy[] = [];
  const seen = new Set<string>();
  // First pass: every variant has its own primary text. Second pass, when the brief and brand
  // are too thin for that: the same text under a different headline.
  for (const distinct of [(copy: AdCopy) => copy.primaryText, (copy: AdCopy) => `${copy.primaryText}|${copy.headline}`]) {
    for (let attempt = 0; variants.length < count && attempt < count * 6; attempt += 1) {
      const copy = draftVariant(attempt, { name, brief, benefits, keywords, cta, voice, start, purpose, avoid });
      const key = distinct(copy).toLowerCase();
      if (!copy.primaryText || !copy.headline || seen.has(key) || variants.some((variant) => variant.primaryText === copy.primaryText && variant.headline === copy.headline)) continue;
      seen.add(key);
      variants.push(copy);
    }
  }
  return variants;
}
