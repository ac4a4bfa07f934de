import { it } from "vitest";
import { composeDesign } from "@/lib/ai/offline/render/design";
import { fitText } from "@/lib/ai/offline/render/text-layout";
import { FACES } from "@/lib/ai/offline/render/fonts";

it("dbg", () => {
  for (const [format, variant] of [["1:1", 0], ["16:9", 1], ["9:16", 2]] as const) {
    const d = composeDesign({ prompt: "Promote our summer sale on handmade ceramic mugs, 20% off for new customers", format, style: "bold", brand: null, variant, seed: 7 }, null);
    console.log(format, d.layout, JSON.stringify({ size: d.placed.headline.block.fontSize, lines: d.placed.headline.block.lines, box: d.placed.headline.box, cta: d.placed.cta.box }));
  }
  console.log(JSON.stringify(fitText("OUR SUMMER SALE ON HANDMADE CERAMIC MUGS", { face: FACES.montserrat800, letterSpacing: -0.01, lineHeight: 1.02 }, { maxWidth: 492, maxHeight: 600, maxSize: 130, minSize: 40, maxLines: 4, balance: true })));
});
