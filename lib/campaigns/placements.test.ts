import { describe, expect, it } from "vitest";
import { PLACEMENTS as PROMPT_PLACEMENTS } from "@/lib/ai/google/strategy-prompt";
import { recommendStrategyOffline } from "@/lib/ai/offline/text/recommend-strategy";
import { formatProblems, formatsFor, PLACEMENT_IDS } from "./placements";

const assets = (...formats: Array<"1:1" | "4:5" | "9:16" | "16:9">) => formats.map((format) => ({ format }));

describe("placements", () => {
  it("uses exactly the ids the AI strategy prompts use", () => {
    expect([...PLACEMENT_IDS]).toEqual([...PROMPT_PLACEMENTS]);
    for (const purpose of ["sales", "lead_generation", "retargeting"]) {
      const placements = recommendStrategyOffline({ purpose, brand: null, businessDescription: "A bakery in Bristol" }).placements;
      expect(placements.filter((placement) => !(PLACEMENT_IDS as readonly string[]).includes(placement))).toEqual([]);
    }
  });

  it("fits vertical creatives to Stories and Reels, square or portrait to feeds", () => {
    expect(formatsFor("instagram_stories")).toEqual(["9:16"]);
    expect(formatsFor("facebook_reels")).toEqual(["9:16"]);
    expect(formatsFor("facebook_feed")).toEqual(["1:1", "4:5"]);
    expect(formatsFor("audience_network")).toContain("16:9");
  });

  it("explains placements no creative fits, once per kind of placement", () => {
    expect(formatProblems(["facebook_feed", "instagram_stories", "instagram_reels"], assets("1:1"))).toEqual([
      {
        placements: ["instagram_stories", "instagram_reels"],
        needs: ["9:16"],
        message: "Stories and Reels need a vertical (9:16) creative; add one or remove those placements.",
      },
    ]);
    expect(formatProblems(["instagram_feed"], assets("9:16", "16:9"))).toEqual([
      { placements: ["instagram_feed"], needs: ["1:1", "4:5"], message: "Feeds need a square (1:1) or portrait (4:5) creative; add one or remove that placement." },
    ]);
    expect(formatProblems(["facebook_marketplace"], assets("4:5"))[0]?.message).toBe(
      "Marketplace and the Messenger inbox need a square (1:1) creative; add one or remove that placement.",
    );
  });

  it("is satisfied when each placement has one creative that fits, or placements are automatic", () => {
    expect(formatProblems(["facebook_feed", "instagram_stories", "audience_network"], assets("4:5", "9:16"))).toEqual([]);
    expect(formatProblems([], assets("16:9"))).toEqual([]);
  });
});
