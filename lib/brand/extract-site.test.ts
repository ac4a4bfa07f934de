import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractSite } from "./extract-site";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("extractSite on a bakery with inline styles and a <style> block", () => {
  const site = extractSite(fixture("bakery.html"), "https://www.sweetcrumbs.co.uk/");

  it("reads the name from the title part that matches the domain, and the description with entities decoded", () => {
    expect(site.siteName).toBe("Sweet Crumbs Bakery");
    expect(site.title).toBe("Home | Sweet Crumbs Bakery");
    expect(site.description).toBe("Family-run bakery in Bristol baking fresh sourdough, pastries & celebration cakes by hand every morning since 1987.");
    expect(site.language).toBe("en-GB");
  });

  it("keeps the page's own headings once each, without the footer's", () => {
    expect(site.headings).toEqual(["Fresh bread, baked by hand every morning", "Celebration cakes made to order", "Gluten-free options", "Cinnamon buns", "As featured in"]);
  });

  it("reads the visible copy without navigation, footer, scripts, noscript or the cookie banner", () => {
    expect(site.copy).toContain("Our sourdough is proved for 36 hours");
    expect(site.copy).toContain("we'll bake something unforgettable. Free local delivery on orders over £30.");
    // Inline elements join words; <br> separates them.
    expect(site.copy).toContain("Soft, sticky and still warm at 8am. Only €2.50 each.");
    for (const hidden of ["Visit us", "Opening hours", "Market Street", "dataLayer", "enable JavaScript", "We use cookies"]) {
      expect(site.copy).not.toContain(hidden);
    }
    expect(site.copy).not.toMatch(/\s{2,}/);
  });

  it("ranks logo candidates: the header logo, touch icons largest first, PNG before ICO, og:image last", () => {
    expect(site.logoCandidates).toEqual([
      "https://www.sweetcrumbs.co.uk/img/sweet-crumbs-logo.svg",
      "https://www.sweetcrumbs.co.uk/touch-180.png",
      "https://www.sweetcrumbs.co.uk/touch-120.png",
      "https://www.sweetcrumbs.co.uk/favicon-32.png",
      "https://www.sweetcrumbs.co.uk/favicon.ico",
      "https://www.sweetcrumbs.co.uk/images/shopfront.jpg",
    ]);
    // The newspaper's logo in "As featured in" is not ours.
    expect(site.logoCandidates.join(" ")).not.toContain("bristol-post");
  });

  it("builds a palette led by the theme colour, oranges next, greys and white after them", () => {
    expect(site.themeColor).toBe("#c0392b");
    const colors = site.palette.map((entry) => entry.color);
    expect(colors[0]).toBe("#c0392b");
    expect(colors[1]).toBe("#f39c12");
    expect(colors).toContain("#ffffff");
    // #a93226 is the same red a shade darker: merged, not listed twice.
    expect(colors).not.toContain("#a93226");
    // Colours in comments and scripts are not the page's.
    expect(colors).not.toContain("#00ff00");
    expect(colors).not.toContain("#123456");
    expect(site.palette.length).toBeLessThanOrEqual(8);
    expect(site.palette.every((entry) => /^#[0-9a-f]{6}$/.test(entry.color) && entry.weight > 0)).toBe(true);
  });

  it("lists the fonts the CSS chooses, without generic families", () => {
    expect(site.fonts).toEqual(["Lora", "Pacifico"]);
  });
});

describe("extractSite on a SaaS site with CSS variables, an external stylesheet and Google Fonts", () => {
  const site = extractSite(fixture("saas.html"), "https://ledgerly.io/", [fixture("saas.css")]);

  it("prefers og: metadata for the title and name", () => {
    expect(site.title).toBe("Ledgerly: get paid faster");
    expect(site.siteName).toBe("Ledgerly");
    expect(site.description).toMatch(/^Send professional invoices/);
    expect(site.ogImage).toBe("https://cdn.ledgerly.io/og/home.png");
  });

  it("reads <main> and leaves out skip links, screen-reader text and the footer", () => {
    expect(site.copy).toMatch(/^Invoicing that gets you paid faster Ledgerly helps freelancers/);
    expect(site.copy).not.toContain("Skip to content");
    expect(site.copy).not.toContain("Screen reader only");
    expect(site.copy).not.toContain("All rights reserved");
  });

  it("takes the light theme-color and weights the brand variables used through var()", () => {
    expect(site.themeColor).toBe("#4f46e5");
    const colors = site.palette.map((entry) => entry.color);
    expect(colors.slice(0, 2)).toEqual(["#4f46e5", "#10b77f"]);
    // Greys and white come after every chromatic colour, even when heavier.
    expect(colors.indexOf("#ffffff")).toBeGreaterThan(colors.indexOf("#7c3aed"));
    // The stylesheet's data: URL holds an SVG's red; it is not a page colour.
    expect(colors).not.toContain("#ff0000");
  });

  it("ranks the Google Fonts and stylesheet fonts, dropping the system stack", () => {
    expect(site.fonts).toEqual(["Space Grotesk", "Inter", "Roboto Mono"]);
    expect(site.fonts).not.toContain("Roboto");
  });

  it("uses the JSON-LD logo and the SVG icon, never the customer logo wall", () => {
    expect(site.logoCandidates[0]).toBe("https://ledgerly.io/brand/ledgerly-mark.png");
    expect(site.logoCandidates[1]).toBe("https://ledgerly.io/icon.svg");
    expect(site.logoCandidates.at(-1)).toBe("https://cdn.ledgerly.io/og/home.png");
    expect(site.logoCandidates.join(" ")).not.toMatch(/acme|globex/);
  });
});

describe("extractSite on a page with only a title", () => {
  it("returns empty lists, no invented name, and /favicon.ico as the one logo guess", () => {
    const site = extractSite(fixture("minimal.html"), "https://example.com/soon");
    expect(site).toEqual({
      url: "https://example.com/soon",
      title: "Coming soon",
      siteName: undefined,
      description: undefined,
      headings: [],
      copy: "",
      ogImage: undefined,
      logoCandidates: ["https://example.com/favicon.ico"],
      themeColor: undefined,
      palette: [],
      fonts: [],
      language: undefined,
    });
  });
});

describe("extractSite details", () => {
  it("resolves links against <base href> and drops javascript: and data: URLs", () => {
    const site = extractSite(
      `<html><head><base href="https://static.shop.example/v2/"><meta property="og:image" content="img/share.jpg">
       <link rel="icon" href="javascript:alert(1)"><link rel="apple-touch-icon" href="touch.png"></head>
       <body><img class="logo" src="data:image/png;base64,AAAA"></body></html>`,
      "https://shop.example/",
    );
    expect(site.ogImage).toBe("https://static.shop.example/v2/img/share.jpg");
    expect(site.logoCandidates).toEqual(["https://static.shop.example/v2/touch.png", "https://static.shop.example/v2/img/share.jpg"]);
  });

  it("caps the copy at 6,000 characters on a word boundary and headings at 20", () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `<p>Paragraph number ${index} about handmade bread.</p>`).join("");
    const headings = Array.from({ length: 30 }, (_, index) => `<h2>Heading ${index}</h2>`).join("");
    const site = extractSite(`<body>${headings}${paragraphs}</body>`, "https://example.com/");
    expect(site.copy.length).toBeLessThanOrEqual(6000);
    expect(site.copy.length).toBeGreaterThan(5900);
    expect(site.copy).toMatch(/(bread\.|\w)$/);
    expect(site.headings).toHaveLength(20);
  });

  it("reads a site name from application-name and a language from og:locale", () => {
    const site = extractSite(
      `<head><meta name="application-name" content="Paws &amp; Claws"><meta property="og:locale" content="fr_FR"><title>Toilettage canin à Lyon</title></head>`,
      "https://pawsclaws.fr/",
    );
    expect(site.siteName).toBe("Paws & Claws");
    expect(site.language).toBe("fr-FR");
  });
});
