import "server-only";
import { fontMetrics } from "./font-metrics";
import { FALLBACK_FACE, type FontFace } from "./fonts";

/**
 * Line breaking and font sizing with measured glyph advances: a block either fits
 * its box at the largest size that works, or is shrunk, hyphenated and finally
 * ellipsized until it does. Nothing leaves the box.
 */

export type TextStyle = {
  face: FontFace;
  /** Extra space after each character, in em (CSS letter-spacing). */
  letterSpacing: number;
  /** Baseline-to-baseline distance, in em. */
  lineHeight: number;
  uppercase?: boolean;
};

export type TextLine = { text: string; width: number };

export type TextBlock = {
  lines: TextLine[];
  fontSize: number;
  lineHeightPx: number;
  /** Widest line. */
  width: number;
  /** From the top of the capitals on the first line to the lowest descender on the last. */
  height: number;
  /** First baseline, measured from the block's top. */
  firstBaseline: number;
};

export type FitOptions = {
  maxWidth: number;
  maxHeight: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
  /** Even out line lengths (headlines) instead of filling each line greedily. */
  balance?: boolean;
};

const ELLIPSIS = "\u2026";

type Measurer = { em(text: string): number; chars(text: string): number; has(codePoint: number): boolean };

function measurer(face: FontFace): Measurer {
  const primary = fontMetrics(face);
  const fallback = fontMetrics(FALLBACK_FACE);
  const advanceEm = (codePoint: number) => {
    const own = primary.advance(codePoint);
    if (own !== undefined) return own / primary.unitsPerEm;
    const borrowed = fallback.advance(codePoint);
    return borrowed === undefined ? undefined : borrowed / fallback.unitsPerEm;
  };
  return {
    em: (text) => {
      let total = 0;
      for (const char of text) total += advanceEm(char.codePointAt(0) ?? 0) ?? 0;
      return total;
    },
    chars: (text) => [...text].length,
    has: (codePoint) => advanceEm(codePoint) !== undefined,
  };
}

/** Applies the style's case and drops what no bundled font can draw (emoji, CJK), collapsing spaces. */
export function prepareText(text: string, style: TextStyle): string {
  const { has } = measurer(style.face);
  const cased = style.uppercase ? text.toLocaleUpperCase("en-US") : text;
  let kept = "";
  for (const char of cased.normalize("NFC")) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (/\s/u.test(char)) kept += " ";
    else if (codePoint >= 0x20 && has(codePoint)) kept += char;
  }
  return kept.replace(/\s+/g, " ").trim();
}

/** Width in pixels of one line of already-prepared text. */
export function measureText(text: string, style: TextStyle, fontSize: number): number {
  const { em, chars } = measurer(style.face);
  return fontSize * (em(text) + spacingEm(chars(text), style.letterSpacing));
}

// resvg adds letter-spacing after every character; counting n (or n - 1 when
// negative) keeps the estimate on the wide side either way.
function spacingEm(charCount: number, letterSpacing: number): number {
  if (charCount === 0) return 0;
  return letterSpacing >= 0 ? charCount * letterSpacing : (charCount - 1) * letterSpacing;
}

export function fitText(text: string, style: TextStyle, options: FitOptions): TextBlock {
  const prepared = prepareText(text, style);
  const metrics = fontMetrics(style.face);
  const capEm = metrics.capHeight / metrics.unitsPerEm;
  const descentEm = Math.abs(metrics.descender) / metrics.unitsPerEm;
  const heightAt = (lineCount: number, size: number) => size * (capEm + (lineCount - 1) * style.lineHeight + descentEm);
  const width = (line: string, size: number) => measureText(line, style, size);
  const words = prepared === "" ? [] : prepared.split(" ");
  const maxLines = Math.max(1, options.maxLines);

  // Never larger than one line of the box's height allows, so the loop below can always end.
  const tallest = options.maxHeight / (capEm + descentEm);
  const maxSize = Math.max(1, Math.floor(Math.min(options.maxSize, tallest)));
  const minSize = Math.max(1, Math.min(Math.floor(options.minSize), maxSize));

  const fitsAt = (size: number) => {
    const lines = wrap(words, options.maxWidth, (line) => width(line, size));
    return lines && lines.length <= maxLines && heightAt(lines.length, size) <= options.maxHeight ? lines : null;
  };
  // Coarse 4% steps down to the first size that fits, then back up pixel by pixel.
  let tooBig = maxSize + 1;
  for (let size = maxSize; size >= minSize; size = size > minSize ? Math.max(minSize, Math.floor(size * 0.96)) : minSize - 1) {
    let lines = fitsAt(size);
    if (!lines) {
      tooBig = size;
      continue;
    }
    while (size + 1 < tooBig) {
      const larger = fitsAt(size + 1);
      if (!larger) break;
      size += 1;
      lines = larger;
    }
    const fontSize = size;
    const final = options.balance && lines.length > 1 ? balance(words, lines.length, options.maxWidth, (line) => width(line, fontSize)) : lines;
    return block(final, fontSize, style, capEm, heightAt, width);
  }

  // Still too long at the smallest size: break words that are wider than the box,
  // keep the lines that fit in the height, and end the last one with an ellipsis.
  const size = minSize;
  const fitLines = Math.max(1, Math.min(maxLines, Math.floor((options.maxHeight / size - capEm - descentEm) / style.lineHeight) + 1));
  const pieces = words.flatMap((word) => breakWord(word, options.maxWidth, (part) => width(part, size)));
  const lines = wrap(pieces, options.maxWidth, (line) => width(line, size)) ?? [];
  if (lines.length > fitLines) {
    const kept = lines.slice(0, fitLines);
    kept[fitLines - 1] = ellipsize(`${kept[fitLines - 1]} ${lines.slice(fitLines).join(" ")}`, options.maxWidth, (line) => width(line, size));
    return block(kept, size, style, capEm, heightAt, width);
  }
  return block(lines, size, style, capEm, heightAt, width);
}

function block(
  lines: string[],
  fontSize: number,
  style: TextStyle,
  capEm: number,
  heightAt: (lineCount: number, size: number) => number,
  width: (line: string, size: number) => number,
): TextBlock {
  const measured = lines.map((text) => ({ text, width: width(text, fontSize) }));
  return {
    lines: measured,
    fontSize,
    lineHeightPx: fontSize * style.lineHeight,
    width: Math.max(0, ...measured.map((line) => line.width)),
    height: lines.length === 0 ? 0 : heightAt(lines.length, fontSize),
    firstBaseline: fontSize * capEm,
  };
}

/** Greedy line filling; null when a single word is wider than the box. */
function wrap(words: string[], maxWidth: number, width: (line: string) => number): string[] | null {
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (width(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (width(word) > maxWidth) return null;
    lines.push(current);
    current = word;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** The narrowest measure that still needs no more lines, so a headline does not end on one short word. */
function balance(words: string[], lineCount: number, maxWidth: number, width: (line: string) => number): string[] {
  let low = 0;
  let high = maxWidth;
  let best = wrap(words, maxWidth, width) ?? [];
  for (let step = 0; step < 14; step++) {
    const middle = (low + high) / 2;
    const lines = wrap(words, middle, width);
    if (lines && lines.length <= lineCount) {
      best = lines;
      high = middle;
    } else {
      low = middle;
    }
  }
  return best;
}

function breakWord(word: string, maxWidth: number, width: (text: string) => number): string[] {
  if (width(word) <= maxWidth) return [word];
  const parts: string[] = [];
  let current = "";
  for (const char of word) {
    if (current !== "" && width(`${current}${char}-`) > maxWidth) {
      parts.push(`${current}-`);
      current = char;
    } else {
      current += char;
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

function ellipsize(line: string, maxWidth: number, width: (text: string) => number): string {
  const chars = [...line.trim()];
  while (chars.length > 0 && width(`${chars.join("").trimEnd()}${ELLIPSIS}`) > maxWidth) chars.pop();
  // Cut back to a word boundary when that loses little, so the line does not end mid-word.
  const text = chars.join("").trimEnd();
  const space = text.lastIndexOf(" ");
  const cut = space > text.length * 0.6 ? text.slice(0, space) : text;
  return `${cut.replace(/[\s,.;:–—-]+$/u, "")}${ELLIPSIS}`;
}
