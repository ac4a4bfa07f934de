import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { AD_FORMATS, STYLE_PRESETS } from "@/lib/ai/types";
import { renderAdImage } from "@/lib/ai/offline/render/image";

it("renders", async () => {
  for (const style of (process.env.STYLES?.split(",") ?? STYLE_PRESETS) as typeof STYLE_PRESETS) for (const format of AD_FORMATS) for (const variant of [0,1,2,3,4]) {
    const t = performance.now();
    const img = await renderAdImage({ prompt: "Promote our summer sale on handmade ceramic mugs, 20% off for new customers", format, style, brand: null, variant, seed: 7 });
    const ms = performance.now() - t;
    writeFileSync(`/tmp/proto/out-${style}-${format.replace(":", "x")}-${variant}.${img.mimeType === "image/png" ? "png" : "jpg"}`, img.bytes);
    console.log(style, format, variant, Math.round(ms), "ms", img.bytes.length);
  }
}, 300_000);
