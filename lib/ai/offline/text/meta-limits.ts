import "server-only";

/** What Meta shows without cutting: primary text before "See more", headline and description on mobile feeds. */
export const AD_LIMITS = { primaryText: 125, headline: 40, description: 30 } as const;

/** Words that cannot end a phrase: "Fresh bread baked with" reads as broken. */
const DANGLING = /\s+(and|or|but|with|for|the|a|an|of|to|in|on|at|our|your|by|from|about|into|over|after|before|than|as|that|which|who|is|are|&)$/i;

/**
 * At most `max` characters, cut at a word boundary, without a dangling
 * connector or trailing comma. Text that fits is returned unchanged.
 */
export function fitWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  const space = head.lastIndexOf(" ");
  let cut = space > 0 ? head.slice(0, space) : clean.slice(0, max);
  for (let previous = ""; previous !== cut; ) {
    previous = cut;
    cut = cut.replace(/[\s,;:–—-]+$/, "").replace(DANGLING, "");
  }
  return cut;
}

export type Part = { text: string; keep: boolean };

/** Shortens the longest kept part (with an ellipsis) so all kept parts fit together, when that leaves it readable. */
function shortenLongest(parts: Part[], max: number): Part[] {
  const kept = parts.filter((part) => part.keep);
  const longest = kept.reduce((best, part) => (part.text.length > best.text.length ? part : best), kept[0]!);
  const others = kept.reduce((sum, part) => sum + (part === longest ? 0 : part.text.length + 1), 0);
  const room = max - others - 1;
  if (room < 20) return parts;
  return parts.map((part) => (part === longest ? { text: `${fitWords(longest.text.replace(/[.!?]$/, ""), room - 1)}…`, keep: true } : part));
}

/**
 * Joins sentences into at most `max` characters. The parts marked `keep` (the
 * product, the call to act) go in first, the longest shortened if they do not
 * fit together; the others join, in order, while they fit.
 */
export function fitSentences(input: Part[], max: number): string {
  const keptLength = input.reduce((sum, part) => sum + (part.keep ? part.text.length + 1 : 0), -1);
  const parts = keptLength > max ? shortenLongest(input, max) : input;
  const kept = new Set(parts.flatMap((part, index) => (part.keep ? [index] : [])));
  const length = (indices: Set<number>) => [...indices].reduce((sum, index) => sum + parts[index]!.text.length + 1, -1);
  const join = (indices: Set<number>) =>
    [...indices]
      .sort((a, b) => a - b)
      .map((index) => parts[index]!.text)
      .join(" ");
  if (length(kept) > max) return fitWords(join(kept), max);
  parts.forEach((part, index) => {
    if (part.keep) return;
    const attempt = new Set([...kept, index]);
    if (length(attempt) <= max) kept.add(index);
  });
  return join(kept);
}
