import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractSite } from "@/lib/brand/extract-site";
import type { SiteExtract } from "../../types";
import { analyzeBrandOffline } from "./analyze-brand";

const fixtures = path.resolve(import.meta.dirname, "../../../brand/fixtures");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

const bakery = extractSite(read("bakery.html"), "https://www.sweetcrumbs.co.uk/");
const saas = extractSite(read("saas.html"), "https://ledgerly.io/", [read("saas.css")]);
const minimal = extractSite(read("minimal.html"), "https://example.com/soon");

function site(overrides: Partial<SiteExtract>): SiteExtract {
  return { url: "https://shop.example/", headings: [], copy: "", logoCandidates: [], palette: [], fonts: [], ...overrides };
}

describe("analyzeBrandOffline on the bakery", () => {
  const analysis = analyzeBrandOffline(bakery);

  it("names the business and summarises it from its description", () => {
    expect(analysis.name).toBe("Sweet Crumbs Bakery");
    expect(analysis.summary).toBe("Family-run bakery in Bristol baking fresh sourdough, pastries & celebration cakes by hand every morning since 1987.");
  });

  it("hears a handmade, local voice and a local audience", () => {
    expect(analysis.tone).toEqual(expect.arrayContaining(["artisanal", "community-minded"]));
    expect(analysis.tone.length).toBeLessThanOrEqual(3);
    expect(analysis.audience).toBe("Local residents in Bristol");
  });

  it("keeps benefits in the site's own words, short, at most four", () => {
    expect(analysis.valuePropositions).toContain("Free local delivery on orders over £30");
    expect(analysis.valuePropositions).toContain("Fresh bread, baked by hand every morning");
    expect(analysis.valuePropositions.length).toBeLessThanOrEqual(4);
    expect(analysis.valuePropositions.every((proposition) => proposition.length <= 80)).toBe(true);
  });

  it("picks distinctive words, pairs first, never stopwords or the brand's own name", () => {
    expect(analysis.wordsToUse).toEqual(expect.arrayContaining(["celebration cakes", "fresh bread", "sourdough"]));
    expect(analysis.wordsToUse.length).toBeLessThanOrEqual(8);
    for (const word of analysis.wordsToUse) expect(word).not.toMatch(/^(the|and|our|sweet|crumbs|bakery|menu|cookies?)$/);
  });

  it("avoids what clashes with the voice and what Meta's policies flag", () => {
    expect(analysis.wordsToAvoid).toEqual(expect.arrayContaining(["mass-produced", "corporate", "guaranteed results", "miracle", "are you overweight"]));
  });

  it("offers the theme colour first and keeps greys to two", () => {
    expect(analysis.colors[0]).toBe("#c0392b");
    expect(analysis.colors[1]).toBe("#f39c12");
    expect(analysis.colors.length).toBeLessThanOrEqual(5);
    expect(analysis.colors.filter((color) => ["#ffffff", "#2c2c2c", "#dddddd", "#000000"].includes(color)).length).toBeLessThanOrEqual(2);
  });
});

describe("analyzeBrandOffline on the SaaS site", () => {
  const analysis = analyzeBrandOffline(saas);

  it("hears a technical, professional voice and names who it is for", () => {
    expect(analysis.name).toBe("Ledgerly");
    expect(analysis.tone).toContain("technical");
    expect(analysis.audience).toMatch(/small business owners/i);
    expect(analysis.valuePropositions).toContain("Trusted by 10,000+ teams");
    expect(analysis.wordsToUse).toContain("payment reminders");
    expect(analysis.wordsToAvoid).toContain("revolutionary");
  });
});

describe("analyzeBrandOffline with little to go on", () => {
  it("falls back to the domain for a placeholder title and still fills every field", () => {
    const analysis = analyzeBrandOffline(minimal);
    expect(analysis.name).toBe("Example");
    expect(analysis.summary).toBe("Example: Coming soon.");
    expect(analysis.tone).toEqual(["friendly", "professional"]);
    expect(analysis.audience).toBe("People interested in what Example offers");
    expect(analysis.valuePropositions).toEqual([]);
    expect(analysis.colors).toEqual([]);
  });

  it("strips 'Welcome to' from a title-only name", () => {
    expect(analyzeBrandOffline(site({ url: "https://www.maisonrose.fr/", title: "Welcome to Maison Rose" })).name).toBe("Maison Rose");
  });
});

describe("analyzeBrandOffline voices", () => {
  it("tells a luxury brand to avoid 'cheap'", () => {
    const analysis = analyzeBrandOffline(
      site({
        title: "Aurum | Fine jewellery",
        headings: ["Exquisite bespoke engagement rings", "The finest diamonds, curated for you"],
        copy: "Discover our exclusive collection of handcrafted jewellery. Each piece is elegant, timeless and made to order in our Mayfair atelier. A luxury experience from the first sketch.",
      }),
    );
    expect(analysis.tone[0]).toBe("luxurious");
    expect(analysis.wordsToAvoid).toEqual(expect.arrayContaining(["cheap", "bargain"]));
  });

  it("recognises an eco-conscious shop and keeps miracle claims out of its benefits", () => {
    const analysis = analyzeBrandOffline(
      site({
        title: "Leaf & Root",
        headings: ["Organic skincare in plastic-free packaging", "Miracle cure for dry skin", "Free carbon-neutral delivery"],
        copy: "Sustainable, natural ingredients from ethical growers. Our jars are recycled glass and our labels compostable. Kind to skin and to the planet.",
      }),
    );
    expect(analysis.tone).toContain("eco-conscious");
    expect(analysis.valuePropositions.join(" ")).not.toMatch(/miracle|cure/i);
    expect(analysis.valuePropositions).toContain("Organic skincare in plastic-free packaging");
  });

  it("returns the same analysis for the same page", () => {
    expect(analyzeBrandOffline(bakery)).toEqual(analyzeBrandOffline(extractSite(read("bakery.html"), "https://www.sweetcrumbs.co.uk/")));
  });
});
