import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { FACES, FALLBACK_FACE, fontFilePath } from "./fonts";
import { createRng } from "./prng";
import { fitText, measureText, prepareText, type TextStyle } from "./text-layout";

const style = (face: TextStyle["face"], extra: Partial<TextStyle> = {}): TextStyle => ({ face, letterSpacing: 0, lineHeight: 1.1, ...extra });

const WORDS = ["summer", "sale", "handmade", "ceramic", "mugs", "Ünïcödé", "naïve", "café", "20%", "off", "WWWWWWWW", "iiii", "—", "extraordinarily-hyphenated-phrase", "Супер", "ok"];

describe("measureText", () => {
  it("agrees with what resvg actually draws, for every bundled face", () => {
    const sample = "Handmade Ceramic Mugs, 20% Off: Quality & Craft";
    for (const face of Object.values(FACES)) {
      for (const extra of [{}, { letterSpacing: 0.15, uppercase: true }]) {
        const textStyle = style(face, extra);
        const text = prepareText(sample, textStyle);
        const size = 64;
        const measured = measureText(text, textStyle, size);
        const spacing = textStyle.letterSpacing ? ` letter-spacing="${textStyle.letterSpacing * size}"` : "";
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="100" y="120" font-family="${face.family}" font-weight="${face.weight}" font-size="${size}"${spacing}>${text.replace("&", "&amp;")}</text></svg>`;
        const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [fontFilePath(face), fontFilePath(FALLBACK_FACE)] } }).getBBox();
        expect(box, face.file).toBeDefined();
        // Ink never reaches past the measured advance (kerning only tightens), and not by much less.
        expect((box?.x ?? 0) + (box?.width ?? 0) - 100).toBeLessThanOrEqual(measured + 1);
        expect((box?.width ?? 0) / measured).toBeGreaterThan(0.9);
      }
    }
  });

  it("drops characters no bundled font can draw instead of printing boxes", () => {
    expect(prepareText("Fresh 🍓 picks  today 漢字", style(FACES.fredoka700))).toBe("Fresh picks today");
    expect(prepareText("Привет мир", style(FACES.fredoka700))).toBe("Привет мир"); // Cyrillic via the fallback face
  });
});

describe("fitText", () => {
  it("never lets a block outgrow its box, whatever the words", () => {
    const rng = createRng(7);
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: rng.int(1, 40) }, () => rng.pick(WORDS));
      const face = rng.pick(Object.values(FACES));
      const options = {
        maxWidth: rng.range(120, 1400),
        maxHeight: rng.range(40, 900),
        maxSize: rng.range(40, 140),
        minSize: rng.range(14, 40),
        maxLines: rng.int(1, 6),
        balance: rng.chance(0.5),
      };
      const textStyle = style(face, { uppercase: rng.chance(0.3), letterSpacing: rng.pick([0, -0.02, 0.12]) });
      const block = fitText(words.join(" "), textStyle, options);
      const label = `${words.join(" ")} ${JSON.stringify(options)}`;
      expect(block.lines.length, label).toBeGreaterThan(0);
      expect(block.lines.length, label).toBeLessThanOrEqual(options.maxLines);
      expect(block.height, label).toBeLessThanOrEqual(options.maxHeight + 0.01);
      for (const line of block.lines) {
        expect(line.width, label).toBeLessThanOrEqual(options.maxWidth + 0.01);
        expect(measureText(line.text, textStyle, block.fontSize)).toBeCloseTo(line.width, 5);
      }
    }
  });

  it("uses the largest size that fits", () => {
    const block = fitText("Our Summer Sale on Handmade Ceramic Mugs", style(FACES.montserrat800, { uppercase: true }), {
      maxWidth: 900,
      maxHeight: 600,
      maxSize: 300,
      minSize: 40,
      maxLines: 5,
    });
    expect(block.fontSize).toBeGreaterThan(100);
    expect(block.fontSize).toBeLessThan(300);
    const oneLarger = fitText("Our Summer Sale on Handmade Ceramic Mugs", style(FACES.montserrat800, { uppercase: true }), {
      maxWidth: 900,
      maxHeight: 600,
      maxSize: block.fontSize + 1,
      minSize: block.fontSize + 1,
      maxLines: 5,
    });
    // At one pixel more the words no longer fit whole: something is hyphenated or cut.
    expect(oneLarger.lines.some((line) => line.text.endsWith("-") || line.text.endsWith("\u2026"))).toBe(true);
  });

  it("balances headline lines instead of leaving one word on the last", () => {
    const textStyle = style(FACES.inter600);
    const text = "Handmade ceramic mugs for every kitchen";
    // Just too narrow for one line: greedy filling leaves "kitchen" alone below.
    const options = { maxWidth: measureText(text, textStyle, 60) - 1, maxHeight: 1000, maxSize: 60, minSize: 60, maxLines: 4 };
    const greedy = fitText(text, textStyle, options);
    const balanced = fitText(text, textStyle, { ...options, balance: true });
    expect(greedy.lines.map((line) => line.text)).toEqual(["Handmade ceramic mugs for every", "kitchen"]);
    expect(balanced.lines).toHaveLength(2);
    const evenness = Math.min(...balanced.lines.map((line) => line.width)) / Math.max(...balanced.lines.map((line) => line.width));
    expect(evenness).toBeGreaterThan(0.7);
  });

  it("hyphenates a word wider than the box and ellipsizes what does not fit", () => {
    const block = fitText("Pneumonoultramicroscopicsilicovolcanoconiosis is a very long word indeed and so is this sentence", style(FACES.inter600), {
      maxWidth: 300,
      maxHeight: 100,
      maxSize: 60,
      minSize: 30,
      maxLines: 2,
    });
    expect(block.fontSize).toBe(30);
    expect(block.lines).toHaveLength(2);
    expect(block.lines[0]?.text.endsWith("-")).toBe(true);
    expect(block.lines[1]?.text.endsWith("\u2026")).toBe(true);
  });
});
