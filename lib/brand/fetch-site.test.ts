import { afterEach, describe, expect, it, vi } from "vitest";
import { SafeFetchError } from "@/lib/web/safe-fetch-error";
import type { Resolver } from "@/lib/web/safe-fetch";
import { serve } from "@/tests/support/serve";
import { fetchSite, ownStylesheets, withScheme } from "./fetch-site";
import { readDocument } from "./html-document";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Accueil | Pâtisserie Lumière</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/assets/missing.css">
<link rel="stylesheet" href="/assets/huge.css">
<link rel="stylesheet" href="/assets/late.css">
<link rel="stylesheet" href="https://cdn.other-site.example/theme.css">
</head><body><main><h1>Crème brûlée – faite maison</h1><p>Des gâteaux préparés chaque matin à Lyon, avec des œufs de la ferme.</p></main></body></html>`;

/** The page as a French site on an old CMS would send it: "–" is 0x96 and "œ" 0x9C in windows-1252. */
const windows1252 = (text: string) => Buffer.from(text.replace(/–/g, "\x96").replace(/œ/g, "\x9c"), "latin1");

async function bakery() {
  const requested: string[] = [];
  const server = await serve(async (request) => {
    const { pathname } = new URL(request.url);
    requested.push(pathname);
    if (pathname === "/") return new Response(windows1252(PAGE), { headers: { "content-type": "text/html" } });
    if (pathname === "/assets/site.css") {
      return new Response(`body { font-family: "Cormorant Garamond", serif; color: #5b2333 } .cta { background: #d4a373 } a { color: #5b2333 }`, {
        headers: { "content-type": "text/css" },
      });
    }
    if (pathname === "/assets/huge.css") return new Response(`.x { color: #00ff00 }`.repeat(40_000), { headers: { "content-type": "text/css" } });
    if (pathname === "/assets/late.css") return new Response(`.late { color: #0000ff }`, { headers: { "content-type": "text/css" } });
    return new Response("not found", { status: 404 });
  });
  closers.push(server.close);
  return { ...server, requested, allow: [new URL(server.url).host] };
}

describe("fetchSite", () => {
  it("decodes the page's charset and reads up to three of its own stylesheets, skipping the ones that fail", async () => {
    const server = await bakery();
    const resolver = vi.fn<Resolver>(async () => [{ address: "93.184.216.34", family: 4 }]);
    const site = await fetchSite(`${server.url}/`, { allowPrivateForTests: server.allow, resolver });

    expect(site.url).toBe(`${server.url}/`);
    expect(site.siteName).toBe("Pâtisserie Lumière");
    expect(site.headings).toEqual(["Crème brûlée – faite maison"]);
    expect(site.copy).toContain("avec des œufs de la ferme");
    expect(site.language).toBe("fr");

    expect(site.fonts).toEqual(["Cormorant Garamond"]);
    expect(site.palette.map((entry) => entry.color)).toEqual(["#5b2333", "#d4a373"]);
    // The three first own stylesheets were asked for; the fourth and the other site's were not.
    expect(server.requested).toEqual(expect.arrayContaining(["/assets/site.css", "/assets/missing.css", "/assets/huge.css"]));
    expect(server.requested).not.toContain("/assets/late.css");
    expect(resolver).not.toHaveBeenCalled();
  });

  it("refuses a private address with a message for the marketer", async () => {
    const error = await fetchSite("http://192.168.0.10/").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SafeFetchError);
    expect((error as SafeFetchError).userMessage).toBe("That address points to a private network, so AdPilot will not fetch it.");
  });

  it("refuses a page that is not HTML", async () => {
    const server = await serve(async () => new Response("%PDF-1.7", { headers: { "content-type": "application/pdf" } }));
    closers.push(server.close);
    const error = await fetchSite(server.url, { allowPrivateForTests: [new URL(server.url).host] }).catch((reason: unknown) => reason);
    expect((error as SafeFetchError).userMessage).toBe("That is not a web page (it is application/pdf).");
  });
});

describe("withScheme", () => {
  it("adds https:// to a bare domain and leaves schemes alone, so javascript: is still refused later", () => {
    expect(withScheme(" sweetcrumbs.co.uk ")).toBe("https://sweetcrumbs.co.uk");
    expect(withScheme("shop.example:8443/menu")).toBe("https://shop.example:8443/menu");
    expect(withScheme("http://sweetcrumbs.co.uk")).toBe("http://sweetcrumbs.co.uk");
    expect(withScheme("javascript:alert(1)")).toBe("javascript:alert(1)");
  });
});

describe("ownStylesheets", () => {
  it("takes the site's own CSS first, vendor CSS after, and leaves out print and other sites' sheets", () => {
    const document = readDocument(
      `<head>
        <link rel="stylesheet" href="/vendor/bootstrap.min.css">
        <link rel="stylesheet" href="https://cdn.sweetcrumbs.co.uk/css/theme.css">
        <link rel="stylesheet" href="/css/print.css" media="print">
        <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Lora">
        <link rel="preload" href="/css/later.css" as="style">
        <link rel="stylesheet" href="https://evil.example/steal.css">
      </head>`,
      "https://www.sweetcrumbs.co.uk/",
    );
    expect(ownStylesheets(document)).toEqual(["https://cdn.sweetcrumbs.co.uk/css/theme.css", "https://www.sweetcrumbs.co.uk/vendor/bootstrap.min.css"]);
  });
});
