/**
 * Determinism for the emulator: the same prompt always yields the same answer,
 * picture and video, so tests can compare runs without storing fixtures.
 */

/** FNV-1a, 32-bit: small, stable across platforms, good enough to seed a PRNG. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() needs a non-empty list");
  return item;
}

/** Vocabulary for generated prose: plausible marketing words, never the prompt itself. */
const WORDS = [
  "bright", "local", "fresh", "trusted", "simple", "handmade", "seasonal", "friendly", "quick", "honest",
  "coffee", "studio", "garden", "bakery", "service", "team", "customers", "neighbourhood", "quality", "care",
  "discover", "enjoy", "book", "visit", "choose", "try", "meet", "save", "love", "build",
  "today", "every", "week", "morning", "weekend", "together", "better", "new", "classic", "warm",
] as const;

/** A sentence-cased phrase of `count` words. */
export function phrase(random: () => number, count: number): string {
  const words = Array.from({ length: Math.max(1, count) }, () => pick(random, WORDS));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function hexColor(random: () => number): string {
  return `#${Math.floor(random() * 0xffffff)
    .toString(16)
    .padStart(6, "0")}`;
}
