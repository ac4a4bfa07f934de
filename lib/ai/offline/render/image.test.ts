import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AiError } from "@/lib/ai/errors";
import { AD_FORMATS, FORMAT_SIZES, STYLE_PRESETS, type ImageRequest } from "@/lib/ai/types";
import { composeDesign } from "./design";
import { renderAdImage } from "./image";
import { prepareLogo } from "./logo";
import { brandKit, imageRequest } from "./test-requests";

const ORANGE = { r: 0xe4, g: 0x57, b: 0x2e };
const DARK_GREEN = { r: 0x0b, g: 0x3d, b: 0x2e };
const pngLogo = () =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="190" fill="#e4572e"/></svg>`)).png().toBuffer();
const svgLogo = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" width="120" height="40"><circle cx="20" cy="20" r="19" fill="#0b3d2e"/><rect x="46" y="8" width="72" height="24" rx="4" fill="#0b3d2e"/></svg>`,
);

/** The colour of the rendered creative at one pixel. */
async function pixel(bytes: Buffer, x: number, y: number) {
  const { data } = await sharp(bytes).extract({ left: Math.round(x), top: Math.round(y), width: 1, height: 1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { r: data[0] ?? 0, g: data[1] ?? 0, b: data[2] ?? 0 };
}

const near = (a: { r: number; g: number; b: number }, b: { r: number; g: number; b: number }) =>
  Math.abs(a.r - b.r) + Math.abs(a.g - b.g) + Math.abs(a.b - b.b) < 30;

describe("renderAdImage", () => {
  it.each(AD_FORMATS)("draws %s at the placement's exact pixel size in every style", async (format) => {
    for (const style of STYLE_PRESETS) {
      const image = await renderAdImage(imageRequest({ format, style, variant: STYLE_PRESETS.indexOf(style) }));
      const metadata = await sharp(image.bytes).metadata();
      expect([metadata.width, metadata.height, image.width, image.height]).toEqual([
        FORMAT_SIZES[format].width,
        FORMAT_SIZES[format].height,
        FORMAT_SIZES[format].width,
        FORMAT_SIZES[format].height,
      ]);
      expect(`image/${metadata.format}`).toBe(image.mimeType);
    }
  }, 60_000);

  it("is deterministic: the same request and seed give the same bytes", async () => {
    for (const style of ["playful", "photographic"] as const) {
      const request = imageRequest({ style, format: "9:16", variant: 2 });
      const [first, second] = await Promise.all([renderAdImage(request), renderAdImage({ ...request })]);
      expect(first.bytes.equals(second.bytes)).toBe(true);
    }
  });

  it("gives each variant its own composition, and a new seed a new picture", async () => {
    const request = imageRequest({ style: "minimal", format: "4:5" });
    const variants = await Promise.all([0, 1, 2, 3, 4].map((variant) => renderAdImage({ ...request, variant })));
    const distinct = new Set(variants.map((image) => image.bytes.toString("base64")));
    expect(distinct.size).toBe(5);
    const layouts = new Set([0, 1, 2, 3, 4].map((variant) => composeDesign({ ...request, variant }, null).layout));
    expect(layouts.size).toBe(5);
    const reseeded = await renderAdImage({ ...request, seed: 43 });
    expect(reseeded.bytes.equals(variants[0]?.bytes ?? Buffer.alloc(0))).toBe(false);
  });

  it("works without a brand kit, on a default palette", async () => {
    for (const style of STYLE_PRESETS) {
      const request: ImageRequest = imageRequest({ style, brand: null });
      const design = composeDesign(request, null);
      expect(design.palette.fromBrand).toBe(false);
      expect(design.placed.brand).toBeUndefined();
      const image = await renderAdImage(request);
      expect(image.bytes.length).toBeGreaterThan(10_000);
    }
  });

  it("draws a PNG logo where the layout put it", async () => {
    const logo = { bytes: await pngLogo(), mimeType: "image/png" };
    const request = imageRequest({ style: "minimal", brand: brandKit({ logo }) });
    const design = composeDesign(request, await prepareLogo(logo));
    const box = design.placed.brand?.logo;
    expect(box).toBeDefined();
    const image = await renderAdImage(request);
    expect(near(await pixel(image.bytes, (box?.x ?? 0) + (box?.w ?? 0) / 2, (box?.y ?? 0) + (box?.h ?? 0) / 2), ORANGE)).toBe(true);
  });

  it("draws an SVG logo, on a light plate when the surface is too dark for it", async () => {
    const logo = { bytes: svgLogo, mimeType: "image/svg+xml" };
    for (const style of ["minimal", "elegant"] as const) {
      const request = imageRequest({ style, format: "16:9", brand: brandKit({ logo }) });
      const prepared = await prepareLogo(logo);
      // Trimmed to its drawn edges: 117 × 38 of the 120 × 40 canvas.
      expect(prepared?.aspect).toBeCloseTo(117 / 38, 1);
      const box = composeDesign(request, prepared).placed.brand?.logo;
      const image = await renderAdImage(request);
      // The round mark sits at the left of the 3:1 logo.
      const mark = await pixel(image.bytes, (box?.x ?? 0) + (box?.h ?? 0) / 2, (box?.y ?? 0) + (box?.h ?? 0) / 2);
      expect(near(mark, DARK_GREEN)).toBe(true);
    }
  });

  it("leaves out a logo that cannot be decoded instead of failing the ad", async () => {
    const brand = brandKit({ logo: { bytes: Buffer.from("not an image"), mimeType: "image/png" } });
    const image = await renderAdImage(imageRequest({ brand }));
    expect(image.width).toBe(1080);
  });

  it("refuses an unknown format or style as an invalid request", async () => {
    const badFormat = imageRequest({ format: "3:2" as ImageRequest["format"] });
    await expect(renderAdImage(badFormat)).rejects.toBeInstanceOf(AiError);
    await expect(renderAdImage(imageRequest({ style: "neon" as ImageRequest["style"] }))).rejects.toMatchObject({ kind: "invalid_request" });
  });
});
