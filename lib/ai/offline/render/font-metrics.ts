import "server-only";
import { readFileSync } from "node:fs";
import { fontFilePath, type FontFace } from "./fonts";

/**
 * Advance widths read straight from a TTF's cmap and hmtx tables, so line breaks
 * are decided with the same numbers resvg will lay the glyphs out with. Kerning
 * (GPOS) is ignored: it only ever tightens Latin text, so measured lines err wide.
 */
export type FontMetrics = {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  capHeight: number;
  /** Advance of a code point in font units, or undefined when the font has no glyph for it. */
  advance(codePoint: number): number | undefined;
};

const cache = new Map<string, FontMetrics>();

export function fontMetrics(face: FontFace): FontMetrics {
  let metrics = cache.get(face.file);
  if (!metrics) {
    metrics = parseFont(readFileSync(fontFilePath(face)));
    cache.set(face.file, metrics);
  }
  return metrics;
}

function parseFont(data: Buffer): FontMetrics {
  const tables = new Map<string, number>();
  const tableCount = data.readUInt16BE(4);
  for (let index = 0; index < tableCount; index++) {
    const record = 12 + index * 16;
    tables.set(data.toString("latin1", record, record + 4), data.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };

  const unitsPerEm = data.readUInt16BE(table("head") + 18);
  const hhea = table("hhea");
  const ascender = data.readInt16BE(hhea + 4);
  const descender = data.readInt16BE(hhea + 6);
  const metricCount = data.readUInt16BE(hhea + 34);
  const os2 = table("OS/2");
  // sCapHeight exists from OS/2 version 2; 0.7 em is the usual value before that.
  const capHeight = data.readUInt16BE(os2) >= 2 ? data.readInt16BE(os2 + 88) : Math.round(unitsPerEm * 0.7);

  const hmtx = table("hmtx");
  const glyphAdvance = (glyph: number) => data.readUInt16BE(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphs = readCmap(data, table("cmap"));

  return {
    unitsPerEm,
    ascender,
    descender,
    capHeight,
    advance(codePoint) {
      const glyph = glyphs.get(codePoint);
      return glyph === undefined || glyph === 0 ? undefined : glyphAdvance(glyph);
    },
  };
}

/** Code point → glyph id from the Windows Unicode subtable (format 12 preferred, else format 4). */
function readCmap(data: Buffer, cmap: number): Map<number, number> {
  const count = data.readUInt16BE(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let index = 0; index < count; index++) {
    const record = cmap + 4 + index * 8;
    const platform = data.readUInt16BE(record);
    const encoding = data.readUInt16BE(record + 2);
    const offset = cmap + data.readUInt32BE(record + 4);
    const format = data.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) format12 ??= offset;
    if (unicode && format === 4) format4 ??= offset;
  }
  const map = new Map<number, number>();
  if (format12 !== undefined) {
    const groups = data.readUInt32BE(format12 + 12);
    for (let group = 0; group < groups; group++) {
      const record = format12 + 16 + group * 12;
      const start = data.readUInt32BE(record);
      const end = data.readUInt32BE(record + 4);
      const glyph = data.readUInt32BE(record + 8);
      for (let code = start; code <= end; code++) map.set(code, glyph + code - start);
    }
    return map;
  }
  if (format4 === undefined) throw new Error("font has no Unicode cmap");
  const segments = data.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const end = data.readUInt16BE(ends + segment * 2);
    const start = data.readUInt16BE(starts + segment * 2);
    const delta = data.readInt16BE(deltas + segment * 2);
    const rangeOffset = data.readUInt16BE(ranges + segment * 2);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const at = ranges + segment * 2 + rangeOffset + (code - start) * 2;
        glyph = data.readUInt16BE(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(code, glyph);
    }
  }
  return map;
}
