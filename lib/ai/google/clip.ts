import "server-only";

/**
 * Tidying for model-written text: Meta shows limited characters per field, and
 * models overshoot or decorate (Markdown, quotes). Clipping ends on a word or a
 * sentence, never mid-word.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["“'](.*)["”']$/, "$1")
    .trim();
}

/** At most `max` characters, cut at the last word boundary; trailing commas and dashes go. */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const space = head.lastIndexOf(" ");
  const cut = space >= max / 2 ? head.slice(0, space) : text.slice(0, max);
  return cut.replace(/[\s,;:–—-]+$/, "");
}

/** At most `max` characters, ending at a sentence when one ends late enough, else a word and an ellipsis. */
export function clipAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const ends = [...head.matchAll(/[.!?…](?=\s|$)/g)].map((match) => (match.index ?? 0) + 1).filter((end) => end <= max);
  const last = ends.at(-1);
  if (last !== undefined && last >= max / 2) return head.slice(0, last);
  return `${clipAtWord(text, max - 1)}…`;
}

/** Cleaned, non-empty, case-insensitively unique, at most `count` items of at most `maxLength` characters. */
export function cleanList(items: string[], count: number, maxLength = 80): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const text = clipAtWord(cleanText(item), maxLength);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === count) break;
  }
  return out;
}

/** "#ABC", "aabbcc", "#AaBbCc" → "#aabbcc"; anything else is dropped. */
export function hexColors(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
    if (!match?.[1]) continue;
    const digits = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join("") : match[1];
    const color = `#${digits.toLowerCase()}`;
    if (!out.includes(color)) out.push(color);
  }
  return out;
}
