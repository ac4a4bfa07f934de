import { describe, expect, it } from "vitest";
import { readStylesheet } from "./css-declarations";
import { googleFontFamilies, rankFonts } from "./fonts";

const fonts = (css: string, links: string[] = []) => rankFonts(readStylesheet(css).declarations, links);

describe("rankFonts", () => {
  it("ranks the fonts a site chose by use and drops generic families", () => {
    expect(fonts(`body { font-family: "Lato", Arial, sans-serif } p { font-family: Lato } h1 { font-family: 'Playfair Display', serif }`)).toEqual([
      "Lato",
      "Playfair Display",
    ]);
  });

  it("ignores operating-system stacks, whose Roboto and Helvetica are only fallbacks", () => {
    expect(fonts(`body { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif }`)).toEqual([]);
    expect(fonts(`html { font-family: ui-sans-serif, system-ui, sans-serif, "Apple Color Emoji" }`)).toEqual([]);
  });

  it("reads the font shorthand, var() and next/font's mangled names", () => {
    expect(fonts(`.a { font: italic 700 1.2rem/1.4 "Merriweather", serif }`)).toEqual(["Merriweather"]);
    expect(fonts(`:root { --font-heading: "Fraunces", serif } h1 { font-family: var(--font-heading) } h2 { font-family: var(--font-heading) }`)).toEqual([
      "Fraunces",
    ]);
    expect(fonts(`body { font-family: '__Inter_d65c78', '__Inter_Fallback_d65c78' }`)).toEqual(["Inter"]);
  });

  it("counts Google Fonts links with their canonical spelling and keeps at most four", () => {
    expect(fonts(`p { font-family: 'open sans' }`, ["https://fonts.googleapis.com/css?family=Open+Sans:400,700|Lato"])).toEqual(["Open Sans", "Lato"]);
    const many = ["A", "B", "C", "D", "E"].map((name) => `.${name} { font-family: "Font ${name}" }`).join("\n");
    expect(fonts(many)).toHaveLength(4);
  });
});

describe("googleFontFamilies", () => {
  it("reads css2 and css URLs and nothing from other hosts", () => {
    expect(googleFontFamilies("https://fonts.googleapis.com/css2?family=Inter:wght@400;700&family=Space+Grotesk:wght@500&display=swap")).toEqual([
      "Inter",
      "Space Grotesk",
    ]);
    expect(googleFontFamilies("https://example.com/css2?family=Inter")).toEqual([]);
  });
});
