import "server-only";
import { isContentWord, sentences, words } from "./words";

const MAX_TERMS = 8;

type Term = { text: string; score: number; order: number; isPair: boolean };

/**
 * Words and two-word phrases the brand leans on: frequent content words and
 * word pairs in its headings (triple weight), description (double) and copy,
 * without stopwords, numbers or the brand's own name. Pairs must repeat (or
 * stand in a heading) to count, and then win over their single words.
 */
export function findWordsToUse(input: { headings: string[]; description?: string; copy: string; exclude: string[] }): string[] {
  const excluded = new Set(input.exclude.flatMap((text) => words(text)));
  const terms = new Map<string, Term>();
  let order = 0;
  const add = (text: string, weight: number, isPair: boolean) => {
    const existing = terms.get(text);
    if (existing) existing.score += weight;
    else terms.set(text, { text, score: weight, order: order++, isPair });
  };
  const read = (segments: string[], weight: number) => {
    // A pair never spans punctuation: "Fresh bread, baked by hand" has no "bread baked".
    for (const segment of segments.flatMap((text) => text.split(/[,.;:!?()–—|/]+/))) {
      const tokens = words(segment);
      tokens.forEach((token, index) => {
        if (!isContentWord(token) || excluded.has(token)) return;
        add(token, weight, false);
        const next = tokens[index + 1];
        if (next && isContentWord(next) && !excluded.has(next)) add(`${token} ${next}`, weight, true);
      });
    }
  };
  read(input.headings, 3);
  read(sentences(input.description ?? ""), 2);
  read(sentences(input.copy, input.headings), 1);

  const pairs = [...terms.values()].filter((term) => term.isPair && term.score >= 2);
  const singles = [...terms.values()].filter((term) => !term.isPair && term.score >= 2);
  const byScore = (a: Term, b: Term) => b.score - a.score || a.order - b.order;
  const chosen: string[] = [];
  for (const pair of pairs.sort(byScore).slice(0, 3)) chosen.push(pair.text);
  for (const single of singles.sort(byScore)) {
    if (chosen.length >= MAX_TERMS) break;
    // "sourdough" adds nothing next to "sourdough bread".
    if (chosen.some((term) => term.split(" ").includes(single.text))) continue;
    chosen.push(single.text);
  }
  return chosen.slice(0, MAX_TERMS);
}
