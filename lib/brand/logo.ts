import "server-only";
import type { HTMLElement } from "node-html-parser";
import { absoluteUrl, type SiteDocument } from "./html-document";

/** Logo walls ("trusted by", partners, press) are other companies' logos. */
const OTHER_BRANDS = /client|customer|partner|sponsor|press|trusted|featured|as-seen|integration|testimonial|logo-?(?:cloud|wall|grid|strip|list|carousel)|logos\b/i;
const SITE_CHROME = /header|navbar|masthead|site-brand|brand/i;

function names(element: HTMLElement): string {
  return `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
}

/** The URL an <img> shows: src, else a lazy-loading data-src, else the first srcset entry. */
function imageSource(image: HTMLElement): string | undefined {
  const srcset = image.getAttribute("srcset") ?? image.getAttribute("data-srcset");
  const src = image.getAttribute("src");
  if (src && !src.startsWith("data:")) return src;
  return image.getAttribute("data-src") ?? srcset?.trim().split(/\s+/)[0] ?? src;
}

/**
 * <img> elements that are the site's own logo, best first: the word "logo" on the
 * image or a close ancestor, a bonus inside the header, none from a logo wall.
 */
function explicitLogos(document: SiteDocument): string[] {
  const scored: Array<{ url: string; score: number; order: number }> = [];
  document.root.querySelectorAll("img").forEach((image, order) => {
    const own = `${image.getAttribute("src") ?? ""} ${image.getAttribute("alt") ?? ""} ${names(image)}`;
    let score = /logo/i.test(own) ? 2 : 0;
    let inHeader = false;
    let depth = 0;
    for (let parent = image.parentNode; parent?.tagName; parent = parent.parentNode, depth += 1) {
      const parentNames = names(parent);
      if (OTHER_BRANDS.test(parentNames)) return;
      if (depth < 3 && /logo/i.test(parentNames)) score = Math.max(score, 2);
      const tag = parent.tagName.toLowerCase();
      if (tag === "header" || tag === "nav" || SITE_CHROME.test(parentNames)) inHeader = true;
    }
    if (score === 0) return;
    const url = absoluteUrl(document, imageSource(image));
    if (url) scored.push({ url, score: score + (inHeader ? 1 : 0), order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.url);
}

/** schema.org Organization/LocalBusiness "logo" in JSON-LD: what the site tells search engines. */
function structuredDataLogos(document: SiteDocument): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || !value || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, depth + 1));
    const record = value as Record<string, unknown>;
    const logo = record.logo;
    if (typeof logo === "string") found.push(logo);
    else if (logo && typeof logo === "object" && typeof (logo as Record<string, unknown>).url === "string") found.push((logo as { url: string }).url);
    for (const [key, inner] of Object.entries(record)) if (key !== "logo") visit(inner, depth + 1);
  };
  for (const script of document.root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.rawText), 0);
    } catch {
      // Broken JSON-LD is common; the other sources still count.
    }
  }
  return found.map((href) => absoluteUrl(document, href)).filter((url): url is string => url !== null);
}

/** The largest side in a sizes="180x180 512x512" attribute; `fallback` when absent or "any". */
function largestSize(sizes: string | undefined, fallback: number): number {
  const sides = [...(sizes ?? "").matchAll(/(\d+)x(\d+)/gi)].map((match) => Math.max(Number(match[1]), Number(match[2])));
  return sides.length > 0 ? Math.max(...sides) : fallback;
}

function iconFormatRank(href: string, type: string | undefined): number {
  const kind = `${type ?? ""} ${href.split("?")[0]}`.toLowerCase();
  if (/svg/.test(kind)) return 0;
  if (/png|webp/.test(kind)) return 1;
  if (/\.ico\b|x-icon|vnd\.microsoft\.icon/.test(kind)) return 3;
  return 2;
}

function linkIcons(document: SiteDocument): { touch: string[]; icons: string[] } {
  const touch: Array<{ url: string; size: number }> = [];
  const icons: Array<{ url: string; size: number; format: number }> = [];
  for (const link of document.root.querySelectorAll("link[rel][href]")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const url = absoluteUrl(document, link.getAttribute("href"));
    if (!url) continue;
    if (rel.includes("apple-touch-icon") || rel.includes("apple-touch-icon-precomposed")) {
      touch.push({ url, size: largestSize(link.getAttribute("sizes"), 180) });
    } else if (rel.includes("icon")) {
      icons.push({ url, size: largestSize(link.getAttribute("sizes"), 32), format: iconFormatRank(url, link.getAttribute("type")) });
    }
  }
  return {
    touch: touch.sort((a, b) => b.size - a.size).map((entry) => entry.url),
    icons: icons.sort((a, b) => a.format - b.format || b.size - a.size).map((entry) => entry.url),
  };
}

/**
 * Absolute logo URLs, best first: explicit logo images, the JSON-LD logo,
 * apple-touch-icons (largest first), icons (SVG and PNG before ICO), /favicon.ico
 * when the page names no icon at all, and the og:image last.
 */
export function logoCandidates(document: SiteDocument, ogImage: string | undefined): string[] {
  const { touch, icons } = linkIcons(document);
  const ranked = [...explicitLogos(document), ...structuredDataLogos(document), ...touch, ...icons];
  // Browsers ask for /favicon.ico when a page declares nothing, so most sites have one.
  if (ranked.length === 0) ranked.push(new URL("/favicon.ico", document.pageUrl).href);
  if (ogImage) ranked.push(ogImage);
  return [...new Set(ranked)];
}
