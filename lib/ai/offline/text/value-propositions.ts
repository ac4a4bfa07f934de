import "server-only";
import { sentences, words } from "./words";

const MAX_PROPOSITIONS = 4;
const MAX_LENGTH = 80;
const MIN_LENGTH = 12;

/** Phrases that promise the customer something concrete. */
const BENEFIT_CUES: RegExp[] = [
  /\bfree\b/i,
  /\b(fast|faster|quick|quickly|in minutes|in seconds|same[- ]day|next[- ]day|24\/7)\b/i,
  /\bfresh(ly)?\b/i,
  /\b(hand[- ]?made|by hand|home[- ]?made|handcrafted|made to order|small[- ]batch)\b/i,
  /\b(guarantee[ds]?|money[- ]back|warranty)\b/i,
  /\b(save|saving|savings|affordable)\b/i,
  /\b(easy|easily|simple|effortless)\b/i,
  /\b(local|locally)\b/i,
  /\b(organic|natural|sustainable|eco-friendly)\b/i,
  /\bsince (1[89]|20)\d{2}\b/i,
  /\b(\d+\+? years|award[- ]winning|certified|trusted by|rated|5[- ]star|five[- ]star)\b/i,
  /\b(delivery|delivered|shipping|collection)\b/i,
  /\b(no (contract|hidden fees|setup fee)s?|cancel any ?time|free trial)\b/i,
  /\b(personali[sz]ed|bespoke|custom|tailored)\b/i,
  /\b(gluten[- ]free|vegan|dairy[- ]free)\b/i,
];
const NOISE = /cookie|privacy|©|all rights reserved|javascript|subscribe to our newsletter|log ?in|sign ?in/i;

type Candidate = { text: string; score: number; order: number };

function overlap(a: string, b: string): number {
  const setA = new Set(words(a));
  const setB = new Set(words(b));
  const shared = [...setA].filter((word) => setB.has(word)).length;
  return shared / Math.max(1, Math.min(setA.size, setB.size));
}

/** "Fresh bread, baked by hand every morning." → "Fresh bread, baked by hand every morning" */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:;,]+$/, "");
}

/**
 * Up to four customer benefits, in the site's own words: headings and short
 * sentences that carry benefit cues (free, fresh, handmade, since 1987, ...),
 * the most cues first, near-repeats dropped.
 */
export function findValuePropositions(input: { headings: string[]; description?: string; copy: string }): string[] {
  const pool: Array<{ text: string; bonus: number }> = [
    ...input.headings.map((text) => ({ text, bonus: 0.5 })),
    ...sentences(input.description ?? "").map((text) => ({ text, bonus: 0.25 })),
    ...sentences(input.copy, input.headings).map((text) => ({ text, bonus: 0 })),
  ];
  const candidates: Candidate[] = [];
  pool.forEach(({ text, bonus }, order) => {
    const clean = tidy(text);
    if (clean.length < MIN_LENGTH || clean.length > MAX_LENGTH || NOISE.test(clean) || clean.endsWith("?")) return;
    const cues = BENEFIT_CUES.filter((cue) => cue.test(clean)).length;
    if (cues > 0) candidates.push({ text: clean, score: cues + bonus, order });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);

  const chosen: string[] = [];
  for (const candidate of candidates) {
    if (chosen.some((existing) => overlap(existing, candidate.text) > 0.6)) continue;
    chosen.push(candidate.text);
    if (chosen.length === MAX_PROPOSITIONS) break;
  }
  return chosen;
}
