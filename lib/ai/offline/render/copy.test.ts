import { describe, expect, it } from "vitest";
import { ctaLabel, displayWebsite, headlineFromPrompt } from "./copy";
import { brandKit } from "./test-requests";

describe("headlineFromPrompt", () => {
  it("turns a brief into a short title-cased headline", () => {
    expect(headlineFromPrompt("Promote our summer sale on handmade ceramic mugs, 20% off for new customers", null)).toBe(
      "Our Summer Sale on Handmade Ceramic Mugs",
    );
    expect(headlineFromPrompt("Create an Instagram ad for our new organic lavender face oil", null)).toBe("Our New Organic Lavender Face Oil");
    expect(headlineFromPrompt("Make a bold Facebook ad announcing the grand opening of Bella's Bakery in Austin. Free coffee!", null)).toBe(
      "Grand Opening of Bella's Bakery in Austin",
    );
  });

  it("keeps quoted copy exactly as the marketer wrote it", () => {
    expect(headlineFromPrompt('Ad for the gym with the text "New Year, New You" in big letters', null)).toBe("New Year, New You");
  });

  it("keeps acronyms and numbers as written and does not end on a dangling word", () => {
    expect(headlineFromPrompt("SEO audits for SaaS startups and", null)).toBe("SEO Audits for SaaS Startups");
    expect(headlineFromPrompt("Get 3x more leads with the", null)).toBe("Get 3x More Leads");
  });

  it("falls back to the brand when the prompt says nothing usable", () => {
    expect(headlineFromPrompt("make an ad", brandKit({ valuePropositions: ["Handmade in Portland since 1998"] }))).toBe("Handmade in Portland since 1998");
    expect(headlineFromPrompt("", brandKit())).toBe("Clay & Co");
    expect(headlineFromPrompt("ad", null)).toBe("Discover something new");
  });
});

describe("ctaLabel", () => {
  it("spells out Meta's call-to-action codes and defaults to Learn more", () => {
    expect(ctaLabel("SHOP_NOW")).toBe("Shop now");
    expect(ctaLabel("GET_OFFER")).toBe("Get offer");
    expect(ctaLabel("WATCH_VIDEO_NOW")).toBe("Watch video now");
    expect(ctaLabel(undefined)).toBe("Learn more");
    expect(ctaLabel("   ")).toBe("Learn more");
    expect(ctaLabel("Order your box")).toBe("Order your box");
    expect(ctaLabel("A call to action far too long to fit on any button")).toHaveLength(28);
  });
});

describe("displayWebsite", () => {
  it("shows a bare domain and path", () => {
    expect(displayWebsite("https://www.Example.com/Shop/?utm=1#top")).toBe("example.com/shop");
    expect(displayWebsite("example.com")).toBe("example.com");
    expect(displayWebsite(" ")).toBeUndefined();
    expect(displayWebsite(undefined)).toBeUndefined();
  });
});
