import { it } from "vitest";
import { composeDesign } from "@/lib/ai/offline/render/design";
import { rasterize } from "@/lib/ai/offline/render/rasterize";
import { svgDocument } from "@/lib/ai/offline/render/svg";

it("prof2", async () => {
  const d = composeDesign({ prompt: "Promote our summer sale on handmade ceramic mugs", format: "9:16", style: "photographic", brand: null, variant: 0, seed: 7 }, null);
  const { frame } = d;
  const art = d.art;
  const variants: Record<string, string> = {
    full: art,
    noSoft: art.replace('filter="url(#photo-soft)"', ""),
    noDefocus: art.replace('filter="url(#photo-defocus)"', ""),
    none: art.replace('filter="url(#photo-soft)"', "").replace('filter="url(#photo-defocus)"', ""),
  };
  for (const [name, svg] of Object.entries(variants)) {
    for (const zoom of [0.25, 0.5, 1]) {
      const t = performance.now();
      await rasterize(svgDocument(frame.width, frame.height, svg), [], zoom);
      console.log(name, zoom, Math.round(performance.now() - t));
    }
  }
});
