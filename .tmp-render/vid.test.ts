import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { renderAdVideo } from "@/lib/ai/offline/render";

it("video", async () => {
  for (const [format, style] of [["9:16", "bold"], ["9:16", "photographic"], ["1:1", "playful"]] as const) {
    const t = performance.now();
    const v = await renderAdVideo({ prompt: "Promote our summer sale on handmade ceramic mugs", format, style, brand: { name: "Clay & Co", websiteUrl: "https://www.clayandco.com/", colors: [], fonts: [], tone: [], valuePropositions: [], wordsToUse: [], wordsToAvoid: [] }, variant: 0, seed: 3, durationSeconds: 8 });
    console.log(format, style, Math.round(performance.now() - t), "ms", v.bytes.length);
    writeFileSync(`/tmp/proto/v-${style}-${format.replace(":", "x")}.mp4`, v.bytes);
  }
}, 120_000);
