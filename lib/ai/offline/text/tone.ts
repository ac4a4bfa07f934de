import "server-only";
import { words } from "./words";

export const TONES = [
  "friendly",
  "professional",
  "playful",
  "luxurious",
  "bold",
  "caring",
  "technical",
  "eco-conscious",
  "community-minded",
  "artisanal",
] as const;
export type Tone = (typeof TONES)[number];

/** Words whose use marks a voice. A cue ending in "*" matches any word starting with it. */
const LEXICON: Record<Tone, string[]> = {
  friendly: ["welcome", "hello", "hi", "friendly", "happy", "love", "enjoy", "smile", "together", "easy", "join", "visit", "treat", "cosy", "cozy", "warm", "pop", "chat", "fun", "come"],
  professional: ["professional*", "expert*", "experience*", "certified", "qualified", "reliable", "trusted", "solution*", "service*", "industry", "clients", "quality", "standards", "complian*", "accredited", "consult*", "efficien*", "proven", "results"],
  playful: ["fun", "yum*", "awesome", "amazing", "wow", "magic*", "party", "play*", "colourful", "colorful", "cheeky", "adventure*", "silly", "treats", "sweet", "delight*", "sprinkle*", "giggle*"],
  luxurious: ["luxury", "luxurious", "exclusive", "premium", "bespoke", "elegan*", "finest", "exquisite", "refined", "indulg*", "curated", "couture", "timeless", "sophisticat*", "prestig*", "lavish", "handcrafted"],
  bold: ["bold", "powerful", "unstoppable", "ultimate", "fearless", "revolution*", "disrupt*", "transform*", "breakthrough", "limitless", "extreme", "dominate", "game-changing", "now", "never", "fastest"],
  caring: ["care", "caring", "compassion*", "gentle", "comfort*", "support*", "wellbeing", "well-being", "safe", "safety", "family", "families", "kind", "patient*", "heal*", "nurtur*", "listen*", "looked"],
  technical: ["api", "integration*", "platform", "software", "data", "analytics", "automat*", "cloud", "developer*", "sdk", "webhook*", "security", "encrypt*", "dashboard*", "workflow*", "scalab*", "deploy*", "engineer*", "performance"],
  "eco-conscious": ["sustainab*", "eco", "eco-friendly", "organic", "recycl*", "compostable", "green", "planet", "carbon", "environment*", "ethical*", "plastic-free", "zero-waste", "renewable", "natural", "biodegradable", "fairtrade", "seasonal"],
  artisanal: ["handmade", "hand-made", "handcrafted", "homemade", "home-made", "craft*", "artisan*", "small-batch", "traditional", "heritage", "baked", "proved", "slow", "recipe*", "oven", "stone", "workshop", "made-to-order"],
  "community-minded": ["local*", "community", "neighbourhood", "neighborhood", "family-run", "family-owned", "independent", "hometown", "village", "town", "high-street", "neighbours", "neighbors", "proudly", "market"],
};

export type TextSources = { headings: string[]; description?: string; copy: string };

function matches(word: string, cue: string): boolean {
  return cue.endsWith("*") ? word.startsWith(cue.slice(0, -1)) : word === cue;
}

/** Per tone: weighted hits (headings count double) and how many different cues hit. */
function scoreTones({ headings, description, copy }: TextSources): Map<Tone, { score: number; cues: number }> {
  const weighted: Array<[string[], number]> = [
    [words(headings.join(" ")), 2],
    [words(description ?? ""), 1.5],
    [words(copy), 1],
  ];
  const scores = new Map<Tone, { score: number; cues: number }>();
  for (const tone of TONES) {
    let score = 0;
    let cues = 0;
    for (const cue of LEXICON[tone]) {
      let hits = 0;
      for (const [list, weight] of weighted) for (const word of list) if (matches(word, cue)) hits += weight;
      // One word repeated all over a page is one piece of evidence, not ten.
      score += Math.min(hits, 4);
      if (hits > 0) cues += 1;
    }
    scores.set(tone, { score, cues });
  }
  // Exclamation marks read as playful and energetic.
  const exclamations = (`${headings.join(" ")} ${description ?? ""} ${copy}`.match(/!/g) ?? []).length;
  const playful = scores.get("playful")!;
  playful.score += Math.min(exclamations, 4) * 0.5;
  return scores;
}

/**
 * Up to three tones the text supports, strongest first: each needs at least two
 * different cue words and a score of 2.5, and must reach a third of the leader.
 * "friendly", then "professional", the safe small-business voice, fill up to two.
 */
export function detectTones(sources: TextSources): Tone[] {
  const ranked = [...scoreTones(sources)]
    .filter(([, { score, cues }]) => cues >= 2 && score >= 2.5)
    .sort(([toneA, a], [toneB, b]) => b.score - a.score || TONES.indexOf(toneA) - TONES.indexOf(toneB));
  const top = ranked[0]?.[1].score ?? 0;
  const tones = ranked.filter(([, { score }]) => score >= top / 3).slice(0, 3).map(([tone]) => tone);
  for (const fallback of ["friendly", "professional"] as const) if (tones.length < 2 && !tones.includes(fallback)) tones.push(fallback);
  return tones;
}
