import { describe, expect, it } from "vitest";
import { AD_FORMATS, STYLE_PRESETS, type BrandContext } from "@/lib/ai/types";
import { contrast } from "./color";
import { composeDesign } from "./design";
import type { Box } from "./svg";
import { brandKit, imageRequest } from "./test-requests";

const LONG = {
  headline: "The Incredibly Long Headline That A Marketer Pasted From Their Website Without Shortening It At All, Including Extraordinarily-Hyphenated-Words",
  brand: "The Very Long Brand Name Artisanal Handcrafted Ceramics Collective International",
  website: "https://www.an-extremely-long-domain-name-for-a-small-business.example/shop/summer",
  cta: "Claim your exclusive discount today",
};

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;

describe("composition", () => {
  it("keeps every word, button and logo inside the safe area, however long the copy", () => {
    for (const format of AD_FORMATS) {
      for (const style of STYLE_PRESETS) {
        for (let variant = 0; variant < 10; variant++) {
          for (const copy of [{}, { headline: LONG.headline, callToAction: LONG.cta }]) {
            const brand = copy.headline ? brandKit({ name: LONG.brand, websiteUrl: LONG.website }) : brandKit();
            const design = composeDesign(imageRequest({ format, style, variant, brand, ...copy }), { dataUri: "data:,", aspect: 4, tone: "#000000", transparent: true });
            const { placed, frame } = design;
            const parts = [placed.headline.box, placed.cta.box, placed.brand?.box, placed.website?.box].filter((box): box is Box => !!box);
            for (const box of parts) expect(inside(box, frame.safe), `${format} ${style} v${variant}`).toBe(true);
            for (const line of placed.headline.block.lines) expect(line.width).toBeLessThanOrEqual(frame.safe.w);
          }
        }
      }
    }
  });

  it("replaces copy no bundled font can draw with words it can", () => {
    const { placed } = composeDesign(imageRequest({ headline: "🔥🔥🔥", callToAction: "今すぐ購入", brand: brandKit({ name: "東京カフェ" }) }), null);
    expect(placed.headline.block.lines.map((line) => line.text).join(" ")).toBe("OUR SUMMER SALE ON HANDMADE CERAMIC MUGS");
    expect(placed.cta.label.block.lines[0]?.text).toBe("LEARN MORE");
    expect(placed.brand).toBeUndefined();
  });

  it("keeps 9:16 text out of the Stories/Reels top 14% and bottom 20%", () => {
    for (const style of STYLE_PRESETS) {
      for (let variant = 0; variant < 10; variant++) {
        const { placed, frame } = composeDesign(imageRequest({ format: "9:16", style, variant }), null);
        expect(placed.bounds.y).toBeGreaterThanOrEqual(frame.height * 0.14);
        expect(placed.bounds.y + placed.bounds.h).toBeLessThanOrEqual(frame.height * 0.8);
      }
    }
  });

  it("picks readable inks (WCAG AA) on every surface, even for awkward brand colours", () => {
    const palettes: Array<BrandContext["colors"]> = [
      [],
      ["#ffffff"],
      ["#000000", "#ffffff"],
      ["#ffeb3b"],
      ["#777777", "#888888"],
      ["#39ff14", "#ff00ff", "#00ffff"],
      ["#0a0a23", "#101030"],
    ];
    for (const colors of palettes) {
      for (const style of STYLE_PRESETS) {
        for (let variant = 0; variant < 5; variant++) {
          const { inks, surface } = composeDesign(imageRequest({ style, variant, brand: brandKit({ colors }) }), null);
          const label = `${style} v${variant} ${colors.join(",")}`;
          expect(contrast(inks.headline, surface), label).toBeGreaterThanOrEqual(4.5);
          expect(contrast(inks.label, surface), label).toBeGreaterThanOrEqual(4.5);
          expect(contrast(inks.ctaLabel, inks.ctaFill), label).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it("uses the brand's own colours when it has them", () => {
    const design = composeDesign(imageRequest({ style: "bold", brand: brandKit({ colors: ["#ffffff", "#1f6f4a", "#f2c14e"] }) }), null);
    expect(design.palette.fromBrand).toBe(true);
    expect(design.palette.primary).toBe("#1f6f4a");
    expect(design.palette.secondary).toBe("#f2c14e");
  });

  it("keeps one palette across formats and variants of the same request", () => {
    const palettes = new Set(
      AD_FORMATS.flatMap((format) => [0, 1, 2].map((variant) => JSON.stringify(composeDesign(imageRequest({ format, variant, brand: null }), null).palette))),
    );
    expect(palettes.size).toBe(1);
  });
});
