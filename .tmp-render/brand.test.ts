import { writeFileSync } from "node:fs";
import sharp from "sharp";
import { it } from "vitest";
import { renderAdImage } from "@/lib/ai/offline/render";
import type { BrandContext, StylePreset, AdFormat } from "@/lib/ai/types";

const svgLogo = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><circle cx="20" cy="20" r="16" fill="#0b3d2e"/><rect x="44" y="10" width="70" height="20" rx="4" fill="#0b3d2e"/></svg>`);
const brandBase = (logo?: BrandContext["logo"]): BrandContext => ({ name: "Greenleaf Botanicals", websiteUrl: "https://greenleaf.example/", colors: ["#ffffff", "#1f6f4a", "#f2c14e"], fonts: [], tone: [], valuePropositions: [], wordsToUse: [], wordsToAvoid: [], logo });

it("brand", async () => {
  const png = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="150" fill="#e4572e"/><circle cx="200" cy="200" r="70" fill="#ffffff"/></svg>`)).png().toBuffer();
  const cases: Array<[StylePreset, AdFormat, number, BrandContext["logo"], string | undefined]> = [
    ["bold", "1:1", 0, { bytes: png, mimeType: "image/png" }, undefined],
    ["minimal", "4:5", 1, { bytes: svgLogo, mimeType: "image/svg+xml" }, undefined],
    ["elegant", "16:9", 0, { bytes: svgLogo, mimeType: "image/svg+xml" }, "Handcrafted skincare from the Pacific Northwest, now in limited edition gift sets for the holidays and beyond forever"],
    ["playful", "9:16", 2, { bytes: png, mimeType: "image/png" }, "Supercalifragilisticexpialidocious-antidisestablishmentarianism"],
    ["photographic", "16:9", 2, undefined, undefined],
  ];
  for (const [style, format, variant, logo, headline] of cases) {
    const img = await renderAdImage({ prompt: "Create an Instagram ad for our new organic lavender face oil", format, style, brand: brandBase(logo), variant, seed: 11, headline, callToAction: "SHOP_NOW" });
    writeFileSync(`/tmp/proto/brand-${style}-${format.replace(":", "x")}.${img.mimeType === "image/png" ? "png" : "jpg"}`, img.bytes);
  }
}, 60_000);
