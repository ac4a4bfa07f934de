import { it } from "vitest";
import { renderAdVideo } from "@/lib/ai/offline/render";
import { imageRequest } from "@/lib/ai/offline/render/test-requests";

it("bench2", async () => {
  for (let k = 0; k < 2; k++) for (const style of ["photographic", "bold"] as const) {
    const t = performance.now();
    await renderAdVideo({ ...imageRequest({ format: "9:16", style }), durationSeconds: 8 });
    console.log("video 8s 9:16", style, Math.round(performance.now() - t));
  }
}, 300_000);
