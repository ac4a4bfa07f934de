import { it } from "vitest";
import { AD_FORMATS, STYLE_PRESETS } from "@/lib/ai/types";
import { renderAdImage, renderAdVideo } from "@/lib/ai/offline/render";
import { brandKit, imageRequest } from "@/lib/ai/offline/render/test-requests";

it("bench", async () => {
  await renderAdImage(imageRequest());
  for (const format of AD_FORMATS) {
    const times: Record<string, number> = {};
    for (const style of STYLE_PRESETS) {
      const samples: number[] = [];
      for (let variant = 0; variant < 5; variant++) {
        const t = performance.now();
        await renderAdImage(imageRequest({ format, style, variant, brand: brandKit() }));
        samples.push(performance.now() - t);
      }
      times[style] = Math.round(samples.reduce((a, b) => a + b) / samples.length);
    }
    console.log("image", format, JSON.stringify(times));
  }
  for (const [format, style] of [["9:16", "bold"], ["9:16", "photographic"], ["9:16", "minimal"], ["1:1", "playful"], ["16:9", "elegant"], ["4:5", "bold"]] as const) {
    const t = performance.now();
    await renderAdVideo({ ...imageRequest({ format, style }), durationSeconds: 8 });
    console.log("video 8s", format, style, Math.round(performance.now() - t));
  }
}, 300_000);
