import { it } from "vitest";
import { composeDesign } from "@/lib/ai/offline/render/design";
import { rasterize, fromRaster } from "@/lib/ai/offline/render/rasterize";
import { svgDocument } from "@/lib/ai/offline/render/svg";
import { grainTile } from "@/lib/ai/offline/render/grain";

it("prof", async () => {
  const d = composeDesign({ prompt: "Promote our summer sale on handmade ceramic mugs", format: "9:16", style: "photographic", brand: null, variant: 0, seed: 7 }, null);
  const { frame } = d;
  const text = d.foreground.defs + d.foreground.layers.map((l) => l.svg).join("");
  for (let i = 0; i < 2; i++) {
    let t = performance.now();
    const art = await rasterize(svgDocument(frame.width, frame.height, d.art), [], 0.25);
    console.log("art", Math.round(performance.now() - t)); t = performance.now();
    const top = await rasterize(svgDocument(frame.width, frame.height, d.structure + text), d.fontFiles);
    console.log("top", Math.round(performance.now() - t)); t = performance.now();
    const topNoShadow = await rasterize(svgDocument(frame.width, frame.height, d.structure + text.replaceAll(' filter="url(#text-shadow)"', "")), d.fontFiles);
    console.log("top no shadow", Math.round(performance.now() - t)); t = performance.now();
    const up = await fromRaster(art).resize(frame.width, frame.height, { kernel: "cubic", fit: "fill" }).raw().toBuffer();
    console.log("upscale", Math.round(performance.now() - t)); t = performance.now();
    const sharp = (await import("sharp")).default;
    const g = await sharp(up, { raw: { width: frame.width, height: frame.height, channels: 4 } }).composite([{ input: await grainTile(), tile: true, blend: "soft-light" }]).raw().toBuffer();
    console.log("grain", Math.round(performance.now() - t)); t = performance.now();
    await sharp(g, { raw: { width: frame.width, height: frame.height, channels: 4 } }).removeAlpha().jpeg({ quality: 90, chromaSubsampling: "4:4:4" }).toBuffer();
    console.log("jpeg", Math.round(performance.now() - t)); t = performance.now();
    await sharp(g, { raw: { width: frame.width, height: frame.height, channels: 4 } }).removeAlpha().png().toBuffer();
    console.log("png", Math.round(performance.now() - t)); t = performance.now();
    void topNoShadow; void top;
  }
});
