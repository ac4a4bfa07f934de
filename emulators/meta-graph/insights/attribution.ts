/**
 * Attribution settling. Conversions are attributed back to the day of the ad
 * interaction but arrive over the following days, so Meta's numbers for recent
 * days keep growing. Share of a day's final conversions reported, by how many
 * days ago it was (0 = today, 1 = yesterday…); from 3 days on the number is final. This is why
 * peers re-pull a trailing window on every sync.
 */
const SETTLED_SHARE = [0.6, 0.8, 0.95] as const;

export const SETTLING_DAYS = SETTLED_SHARE.length;

export function settledShare(daysAgo: number): number {
  if (daysAgo < 0) return 0;
  return SETTLED_SHARE[daysAgo] ?? 1;
}

/** Reported part of a final count; monotone in `daysAgo`, so numbers only ever grow. */
export const settledCount = (finalCount: number, daysAgo: number): number => Math.floor(finalCount * settledShare(daysAgo) + 1e-9);
