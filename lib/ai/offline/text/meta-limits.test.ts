import { describe, expect, it } from "vitest";
import { fitSentences, fitWords } from "./meta-limits";

describe("fitWords", () => {
  it("leaves text that fits alone and cuts the rest at a word, without a dangling connector", () => {
    expect(fitWords("Fresh bread daily", 40)).toBe("Fresh bread daily");
    expect(fitWords("Sourdough, pastries and celebration cakes", 30)).toBe("Sourdough, pastries");
    expect(fitWords("Handmade sourdough with heritage grains", 25)).toBe("Handmade sourdough");
    expect(fitWords("Supercalifragilisticexpialidocious", 10)).toBe("Supercalif");
  });
});

describe("fitSentences", () => {
  it("keeps the marked parts and adds the others in order while they fit", () => {
    const parts = [
      { text: "Just in: pumpkin spice cupcakes.", keep: true },
      { text: "A rather long benefit sentence that will not fit in the space.", keep: false },
      { text: "20% off.", keep: false },
      { text: "Order today.", keep: true },
    ];
    expect(fitSentences(parts, 60)).toBe("Just in: pumpkin spice cupcakes. 20% off. Order today.");
    expect(fitSentences(parts, 200)).toBe(parts.map((part) => part.text).join(" "));
  });

  it("cuts kept parts at a word when they are too long together", () => {
    const result = fitSentences([{ text: "One two three four five six seven.", keep: true }, { text: "Eight nine.", keep: true }], 20);
    expect(result).toBe("One two three four");
  });
});
