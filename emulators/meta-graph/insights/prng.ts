/**
 * Seeded randomness. Every random draw is keyed by what it describes (ad id,
 * day, purpose) rather than taken from one shared stream, so adding an ad or
 * widening the date range never changes the numbers of another ad or day.
 */

/** FNV-1a over UTF-16 code units, then an avalanche so near-equal keys diverge. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for simulated noise. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded from key parts, e.g. `seeded(adId, date, "clicks")`. */
export const seeded = (...parts: string[]): (() => number) => mulberry32(hash32(parts.join("\u0000")));

/** One uniform draw in [min, max) for the given key. */
export const uniform = (min: number, max: number, ...parts: string[]): number => min + (max - min) * seeded(...parts)();

/**
 * Rounds x to an integer whose expectation is x (floor, plus one with
 * probability of the fraction). Gives binomial-like counts without a loop, so
 * small daily expectations (0.4 conversions) still add up right over weeks.
 */
export function stochasticRound(x: number, draw: number): number {
  if (!(x > 0)) return 0;
  const floor = Math.floor(x);
  return floor + (draw < x - floor ? 1 : 0);
}
