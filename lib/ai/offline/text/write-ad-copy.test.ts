import { describe, expect, it } from "vitest";
import type { AdCopy, AdCopyRequest, BrandContext, CallToAction } from "../../types";
import { writeAdCopyOffline } from "./write-ad-copy";

const bakery: BrandContext = {
  name: "Sweet Crumbs Bakery",
  colors: ["#c0392b"],
  fonts: [],
  tone: ["artisanal", "community-minded"],
  audience: "Local residents in Bristol",
  valuePropositions: ["Free local delivery on orders over £30", "Fresh bread, baked by hand every morning"],
  wordsToUse: ["celebration cakes", "sourdough"],
  wordsToAvoid: ["cheap", "discount", "mass-produced"],
};

const PURPOSES = ["lead_generation", "sales", "brand_awareness", "app_installs", "event_promotion", "store_visits", "retargeting", undefined];
const PROMPTS = [
  "Promote our new pumpkin spice cupcakes for autumn, 20% off this week",
  "We're hosting a summer open day on Saturday 14 June at 11am",
  "Free consultation for a custom wedding cake",
  "",
  "An extraordinarily long brief about our award-winning seasonal sourdough loaves with heritage grains, slow fermentation and wood-fired ovens, available every single weekend at the farmers market",
];

const allText = (copy: AdCopy) => `${copy.primaryText} ${copy.headline} ${copy.description}`;

function write(overrides: Partial<AdCopyRequest> = {}): AdCopy[] {
  return writeAdCopyOffline({ prompt: PROMPTS[0]!, brand: bakery, purpose: "sales", count: 3, ...overrides });
}

describe("writeAdCopyOffline", () => {
  it("stays within Meta's limits, cut on word boundaries, for every purpose and brief", () => {
    for (const purpose of PURPOSES) {
      for (const prompt of PROMPTS) {
        for (const brand of [bakery, null]) {
          const variants = writeAdCopyOffline({ prompt, brand, purpose, count: 5 });
          expect(variants).toHaveLength(5);
          for (const copy of variants) {
            expect(copy.primaryText.length).toBeLessThanOrEqual(125);
            expect(copy.headline.length).toBeLessThanOrEqual(40);
            expect(copy.description.length).toBeLessThanOrEqual(30);
            expect(copy.primaryText.length).toBeGreaterThan(0);
            expect(copy.headline.length).toBeGreaterThan(0);
            // No half words: every word of the output appears whole somewhere in the inputs or templates.
            expect(copy.primaryText).not.toMatch(/\s\S$/);
            expect(copy.headline).not.toMatch(/[,;:–—-]$|\s(and|with|for|the|of)$/);
          }
        }
      }
    }
  });

  it("returns the number of variants asked for, all different", () => {
    const variants = write({ count: 6 });
    expect(variants).toHaveLength(6);
    expect(new Set(variants.map((copy) => `${copy.primaryText}|${copy.headline}`)).size).toBe(6);
    expect(new Set(variants.map((copy) => copy.primaryText)).size).toBe(6);
  });

  it("fills the templates from the brief and the brand", () => {
    const variants = write({ count: 3 });
    const text = variants.map(allText).join(" ");
    expect(text).toContain("pumpkin spice cupcakes");
    expect(text).toContain("20% off this week");
    expect(text).toContain("Sweet Crumbs Bakery");
    expect(text).toMatch(/Free local delivery on orders over £30|Fresh bread, baked by hand every morning/);
    expect(variants.some((copy) => copy.headline === "New pumpkin spice cupcakes for autumn")).toBe(true);
  });

  it("never uses the brand's words to avoid, even when the brief does", () => {
    const variants = write({ prompt: "Cheap cupcakes with a big discount, this weekend only", count: 5 });
    for (const copy of variants) expect(allText(copy)).not.toMatch(/\bcheap\b|\bdiscount\b/i);
    expect(variants.map(allText).join(" ")).toContain("affordable cupcakes");
  });

  it("keeps policy-sensitive claims out without any brand", () => {
    const variants = writeAdCopyOffline({ prompt: "Our miracle cream, guaranteed results in a week", brand: null, purpose: "sales", count: 4 });
    for (const copy of variants) expect(allText(copy)).not.toMatch(/miracle|guaranteed results/i);
    expect(variants.map(allText).join(" ")).toMatch(/cream/);
  });

  it.each<[string | undefined, string, CallToAction]>([
    ["sales", "Autumn cupcakes", "SHOP_NOW"],
    ["sales", "Autumn cupcakes, 20% off", "GET_OFFER"],
    ["lead_generation", "Newsletter with weekly recipes", "SUBSCRIBE"],
    ["lead_generation", "Get a quote for your wedding cake", "CONTACT_US"],
    ["lead_generation", "Baking classes for beginners", "SIGN_UP"],
    ["brand_awareness", "Who we are", "LEARN_MORE"],
    ["app_installs", "Order ahead with our app", "DOWNLOAD"],
    ["event_promotion", "Summer open day", "BOOK_NOW"],
    ["event_promotion", "Register for our free webinar", "SIGN_UP"],
    ["store_visits", "Come and see the new shop", "LEARN_MORE"],
    ["retargeting", "The cupcakes you looked at", "SHOP_NOW"],
    [undefined, "Anything", "LEARN_MORE"],
  ])("picks the button for %s (%s)", (purpose, prompt, cta) => {
    for (const copy of writeAdCopyOffline({ prompt, brand: bakery, purpose, count: 2 })) expect(copy.callToAction).toBe(cta);
  });

  it("puts an event's date where people look", () => {
    const variants = write({ prompt: "We're hosting a summer open day on Saturday 14 June at 11am", purpose: "event_promotion", count: 3 });
    expect(variants.some((copy) => copy.description === "Saturday 14 June at 11am")).toBe(true);
    expect(variants.every((copy) => copy.primaryText.includes("summer open day"))).toBe(true);
  });

  it("is deterministic, and a different brief gives different copy", () => {
    expect(write({ count: 4 })).toEqual(write({ count: 4 }));
    expect(write({ prompt: "Sourdough subscription boxes" })).not.toEqual(write());
  });

  it("never repeats the headline as the description", () => {
    for (const purpose of PURPOSES) {
      for (const copy of write({ purpose, count: 5 })) expect(copy.description.toLowerCase()).not.toBe(copy.headline.toLowerCase());
    }
  });
});
