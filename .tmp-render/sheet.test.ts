import { writeFileSync } from "node:fs";
import sharp from "sharp";
import { it } from "vitest";
import { AD_FORMATS, STYLE_PRESETS, type BrandContext } from "@/lib/ai/types";
import { renderAdImage } from "@/lib/ai/offline/render";

const brands: Record<string, BrandContext | null> = {
  none: null,
  brand: { name: "Northside Coffee Roasters", websiteUrl: "https://northside.coffee", colors: ["#7b3f1d", "#e9c46a", "#2a9d8f"], fonts: [], tone: [], valuePropositions: [], wordsToUse: [], wordsToAvoid: [] },
};
it("sheet", async () => {
  for (const [bname, brand] of Object.entries(brands)) for (const style of STYLE_PRESETS) {
    const comps: sharp.OverlayOptions[] = []; let y = 0; let maxX = 0;
    for (const format of AD_FORMATS) {
      let x = 0; let rowH = 0;
      for (let variant = 0; variant < 5; variant++) {
        const img = await renderAdImage({ prompt: bname === "brand" ? "Announce our new cold brew on tap, made with single-origin Ethiopian beans" : "Yoga classes for beginners every Saturday morning in the park", format, style, brand, variant, seed: 5, callToAction: "BOOK_NOW" });
        const h = format === "9:16" ? 420 : format === "16:9" ? 200 : 300;
        const b = await sharp(img.bytes).resize({ height: h }).png().toBuffer();
        const m = await sharp(b).metadata();
        comps.push({ input: b, left: x, top: y }); x += m.width + 8; rowH = Math.max(rowH, m.height);
      }
      maxX = Math.max(maxX, x); y += rowH + 8;
    }
    writeFileSync(`/tmp/proto/sheet2-${bname}-${style}.png`, await sharp({ create: { width: maxX, height: y, channels: 3, background: "#888" } }).composite(comps).png().toBuffer());
  }
}, 300_000);
