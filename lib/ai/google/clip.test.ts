import { describe, expect, it } from "vitest";
import { cleanList, cleanText, clipAtSentence, clipAtWord, hexColors } from "./clip";

describe("tidying model-written copy", () => {
  it("cuts a headline at a word, never mid-word, and drops a dangling comma", () => {
    expect(clipAtWord("Fresh sourdough, baked every single morning in Leith", 30)).toBe("Fresh sourdough, baked every");
    expect(clipAtWord("Sourdough, croissants", 11)).toBe("Sourdough");
    expect(clipAtWord("Short", 30)).toBe("Short");
  });

  it("ends primary text at a sentence when one ends late enough, else with an ellipsis", () => {
    const twoSentences = "Bread worth getting up for. Our sourdough proves for 36 hours, so every loaf has a crackling crust and an open crumb.";
    expect(clipAtSentence(twoSentences, 50)).toBe("Bread worth getting up for.");
    const oneLong = "Our sourdough proves for thirty-six hours so every loaf has a crackling crust and an open crumb you will love";
    const clipped = clipAtSentence(oneLong, 60);
    expect(clipped.length).toBeLessThanOrEqual(60);
    expect(clipped.endsWith("…")).toBe(true);
    expect(oneLong.startsWith(clipped.slice(0, -1))).toBe(true);
  });

  it("strips Markdown, quotes and runs of whitespace", () => {
    expect(cleanText('  "**Fresh**   bread\n daily"  ')).toBe("Fresh bread daily");
  });

  it("keeps list items unique regardless of case, up to a count", () => {
    expect(cleanList(["Warm", "warm", " ", "Crafty", "Local", "Honest"], 3)).toEqual(["Warm", "Crafty", "Local"]);
  });

  it("normalises hex colours and drops anything else", () => {
    expect(hexColors(["#1D4E89", "f2a541", "#abc", "navy", "#12345", "#1d4e89"])).toEqual(["#1d4e89", "#f2a541", "#aabbcc"]);
  });
});
