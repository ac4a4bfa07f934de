import { writeFileSync } from "node:fs";
import sharp from "sharp";
import { it } from "vitest";
import { renderAdImage, renderAdVideo } from "@/lib/ai/offline/render";
import type { AdFormat, BrandContext, StylePreset } from "@/lib/ai/types";

it("samples", async () => {
  const logo = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="140" fill="#7b3f1d"/><path d="M95 120h110v40a55 55 0 0 1-110 0z" fill="#f6e7c8"/><path d="M205 130h18a20 20 0 0 1 0 40h-22" fill="none" stroke="#f6e7c8" stroke-width="12"/></svg>`)).png().toBuffer();
  const brand: BrandContext = { name: "Northside Coffee Roasters", websiteUrl: "https://northside.coffee", colors: ["#7b3f1d", "#e9c46a", "#2a9d8f"], fonts: [], tone: [], valuePropositions: [], wordsToUse: [], wordsToAvoid: [], logo: { bytes: logo, mimeType: "image/png" } };
  const samples: Array<[AdFormat, StylePreset, number, BrandContext | null, string]> = [
    ["1:1", "bold", 0, brand, "Announce our new cold brew on tap, made with single-origin Ethiopian beans"],
    ["16:9", "elegant", 1, brand, "Promote our barista workshop weekends"],
    ["9:16", "photographic", 0, null, "Summer sale on handmade ceramic mugs, 20% off for new customers"],
    ["4:5", "playful", 0, null, "Yoga classes for beginners every Saturday morning in the park"],
  ];
  for (const [format, style, variant, b, prompt] of samples) {
    const t = performance.now();
    const img = await renderAdImage({ prompt, format, style, brand: b, variant, seed: 5, callToAction: style === "playful" ? "BOOK_NOW" : "SHOP_NOW" });
    console.log("sample", format, style, Math.round(performance.now() - t), "ms");
    writeFileSync(`/tmp/adpilot-samples/image-${format.replace(":", "x")}-${style}.${img.mimeType === "image/png" ? "png" : "jpg"}`, img.bytes);
  }
  const t = performance.now();
  const video = await renderAdVideo({ prompt: "Announce our new cold brew on tap, made with single-origin Ethiopian beans", format: "9:16", style: "bold", brand, variant: 0, seed: 5, durationSeconds: 8, callToAction: "SHOP_NOW" });
  console.log("video", Math.round(performance.now() - t), "ms");
  writeFileSync("/tmp/adpilot-samples/video-9x16-bold-8s.mp4", video.bytes);
  if (video.poster) writeFileSync(`/tmp/adpilot-samples/video-9x16-bold-poster.${video.poster.mimeType === "image/png" ? "png" : "jpg"}`, video.poster.bytes);
}, 120_000);
