import "server-only";
import type { Tone } from "./tone";

/**
 * Phrasing Meta's advertising standards reject or that invites a rejection:
 * asserting the reader's personal attributes, guarantees, miracle claims.
 * Always avoided, whatever the brand.
 */
export const POLICY_SENSITIVE = ["are you overweight", "guaranteed results", "miracle", "cure", "risk-free", "get rich quick", "lose weight fast", "before and after"];

/** Words that would clash with a voice. */
const CLASHES: Record<Tone, string[]> = {
  friendly: ["leverage", "synergy", "utilize"],
  professional: ["awesome", "crazy", "lol"],
  playful: ["pursuant", "hereby"],
  luxurious: ["cheap", "bargain", "discount"],
  bold: ["maybe", "kind of"],
  caring: ["hurry", "act now", "last chance"],
  technical: ["revolutionary", "magic"],
  "eco-conscious": ["disposable", "single-use"],
  "community-minded": ["global leader", "corporate"],
  artisanal: ["mass-produced", "factory-made"],
};

/** The brand's clashes first, then the policy-sensitive phrases, without repeats. */
export function wordsToAvoidFor(tones: readonly Tone[]): string[] {
  return [...new Set([...tones.flatMap((tone) => CLASHES[tone]), ...POLICY_SENSITIVE])];
}
