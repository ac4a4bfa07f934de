import "server-only";

/** Function words and web boilerplate: frequent everywhere, so they say nothing about a brand. */
export const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing " +
    "down during each even every few for from further get gets got had has have having he her here hers herself him himself his how i if in into is it its " +
    "itself just let lets me more most much must my myself no nor not now of off on once only or other our ours ourselves out over own per same she should " +
    "so some such than that the their theirs them themselves then there these they this those through to too under until up upon us very was we were what " +
    "when where which while who whom why will with within without would you your yours yourself yourselves one two three new many way well make made " +
    "like take see look need want use used using day days time times year years back first last next still yet ever often always never really " +
    "thing things lot lots via etc ll re ve don didn doesn isn aren wasn won can't don't it's we're you're we'll you'll " +
    // Verbs, adverbs and adjectives too general to characterise anyone.
    "built loved love help helps helping work works working start started starts makes order orders ordered option options ask asks tell tells set sets " +
    "send sends track tracks spend spends less every morning evening week weeks today tomorrow people everyone someone something anything hand hands " +
    "ways part place right left best better good great top full whole real sure able available including include includes based offer offers " +
    "provide provides keep keeps find finds found give gives know think come comes going put bring try tries want wants still even ever featured " +
    // Web page chrome.
    "home page click here read learn menu view contact cookie cookies privacy policy terms conditions login log sign account cart checkout search " +
    "copyright rights reserved inc ltd llc gmbh website site online email phone call follow facebook instagram twitter linkedin youtube tiktok " +
    "skip content toggle navigation open close submit subscribe newsletter"
  ).split(/\s+/),
);

/** Lowercase words: letters (accents included), digits, inner apostrophes and hyphens. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/**
 * Sentences of page copy. The extractor joins blocks with spaces, so a heading
 * runs into the paragraph after it; known headings are split off first.
 */
export function sentences(text: string, headings: readonly string[] = []): string[] {
  let marked = text;
  for (const heading of headings) {
    if (heading.length >= 8) marked = marked.split(heading).join(`\n${heading}\n`);
  }
  return marked
    .split(/\n|(?<=[.!?])\s+(?=[\p{Lu}\d"“])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** FNV-1a: a stable number from text, so "random" choices repeat for the same input. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** True when `phrase` occurs in `text` as whole words, ignoring case. */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (!escaped) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}
