import { describe, expect, it } from "vitest";
import type { BrandContext } from "../../types";
import { recommendStrategyOffline } from "./recommend-strategy";

const brand = (overrides: Partial<BrandContext>): BrandContext => ({
  colors: [],
  fonts: [],
  tone: [],
  valuePropositions: [],
  wordsToUse: [],
  wordsToAvoid: [],
  ...overrides,
});

const bakery = brand({
  name: "Sweet Crumbs Bakery",
  audience: "Local residents in Bristol",
  valuePropositions: ["Fresh bread, baked by hand every morning", "Celebration cakes made to order"],
  wordsToUse: ["sourdough", "celebration cakes"],
});

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);

describe("recommendStrategyOffline", () => {
  it("targets a bakery's buyers broadly, with baking interests, and says why in plain words", () => {
    const strategy = recommendStrategyOffline({ purpose: "sales", brand: bakery, country: "GB" });
    expect(strategy.ageMin).toBe(25);
    expect(strategy.ageMax).toBe(65);
    expect(strategy.genders).toEqual([]);
    expect(strategy.interests).toEqual(expect.arrayContaining(["Baking", "Bakeries"]));
    expect(strategy.placements).toEqual(expect.arrayContaining(["facebook_feed", "instagram_feed", "instagram_stories", "instagram_reels"]));
    expect(strategy.advantageAudience).toBe(true);
    expect(strategy.reasoning).toContain("local residents in Bristol");
    expect(strategy.reasoning).toContain("25 to 65+ in GB");
    expect(sentences(strategy.reasoning).length).toBeGreaterThanOrEqual(2);
    expect(sentences(strategy.reasoning).length).toBeLessThanOrEqual(3);
  });

  it("turns Advantage+ audience and interests off for retargeting", () => {
    const strategy = recommendStrategyOffline({ purpose: "retargeting", brand: bakery });
    expect(strategy.advantageAudience).toBe(false);
    expect(strategy.interests).toEqual([]);
    expect([strategy.ageMin, strategy.ageMax]).toEqual([18, 65]);
    expect(strategy.reasoning).toMatch(/already know you/);
  });

  it("narrows gender only when the audience clearly is one", () => {
    expect(recommendStrategyOffline({ purpose: "sales", brand: brand({ audience: "Women planning their wedding day" }) }).genders).toEqual(["female"]);
    expect(recommendStrategyOffline({ purpose: "sales", brand: brand({ audience: "Men who want a sharp beard trim" }) }).genders).toEqual(["male"]);
    expect(recommendStrategyOffline({ purpose: "sales", brand: brand({ audience: "Men and women who love running" }) }).genders).toEqual([]);
    expect(recommendStrategyOffline({ purpose: "sales", brand: bakery }).genders).toEqual([]);
  });

  it("follows Meta's special ad category rules for credit, housing and jobs", () => {
    const strategy = recommendStrategyOffline({ purpose: "lead_generation", brand: null, businessDescription: "Mortgage broker for first-time buyers" });
    expect(strategy).toMatchObject({ ageMin: 18, ageMax: 65, genders: [], interests: [] });
    expect(strategy.reasoning).toMatch(/special ad category/);
  });

  it("fits ages to students and to app installs", () => {
    const students = recommendStrategyOffline({ purpose: "sales", brand: null, businessDescription: "Cheap meal deals for university students near campus" });
    expect([students.ageMin, students.ageMax]).toEqual([18, 34]);
    const app = recommendStrategyOffline({ purpose: "app_installs", brand: bakery });
    expect(app.ageMax).toBeLessThanOrEqual(54);
  });

  it("recommends something sensible with nothing to go on", () => {
    const strategy = recommendStrategyOffline({ purpose: "brand_awareness", brand: null });
    expect(strategy).toMatchObject({ ageMin: 18, ageMax: 65, genders: [], advantageAudience: true });
    expect(strategy.placements.length).toBeGreaterThan(0);
    expect(strategy.reasoning.length).toBeGreaterThan(40);
  });

  it("is deterministic", () => {
    expect(recommendStrategyOffline({ purpose: "sales", brand: bakery })).toEqual(recommendStrategyOffline({ purpose: "sales", brand: bakery }));
  });
});
