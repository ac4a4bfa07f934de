import "server-only";
import type { SiteExtract } from "@/lib/ai/types";
import { parseColor } from "./css-color";
import { readStylesheet, type Declaration } from "./css-declarations";
import { rankFonts } from "./fonts";
import { absoluteUrl, collapseWhitespace, isInsideSkipped, metaContent, readDocument, truncateWords, visibleText, type SiteDocument } from "./html-document";
import { logoCandidates } from "./logo";
import { buildPalette } from "./palette";
import { siteNameFromTitle } from "./site-name";

const MAX_HEADINGS = 20;
const MAX_HEADING_LENGTH = 200;
const MAX_COPY = 6000;
/** Below this, a <main> is probably a shell filled by JavaScript; the body says more. */
const MIN_MAIN_COPY = 200;

/**
 * What a brand analyzer can read off a page, without any network: `html` as
 * served from `finalUrl`, plus the text of stylesheets the caller fetched.
 */
export function extractSite(html: string, finalUrl: string, stylesheets: string[] = []): SiteExtract {
  return extractFromDocument(readDocument(html, finalUrl), stylesheets);
}

export function extractFromDocument(document: SiteDocument, stylesheets: string[] = []): SiteExtract {
  const { root, pageUrl } = document;
  const titleTag = collapseWhitespace(root.querySelector("title")?.text ?? "") || undefined;
  const title = metaContent(document, "og:title", "twitter:title") ?? titleTag;
  const siteName =
    metaContent(document, "og:site_name", "application-name", "apple-mobile-web-app-title") ??
    (titleTag ? siteNameFromTitle(titleTag, pageUrl.hostname) : undefined) ??
    (title && title !== titleTag ? siteNameFromTitle(title, pageUrl.hostname) : undefined);
  const ogImage = absoluteUrl(document, metaContent(document, "og:image", "og:image:url", "og:image:secure_url", "twitter:image")) ?? undefined;
  const themeColor = readThemeColor(document);
  const css = gatherCss(document, stylesheets);

  return {
    url: pageUrl.href,
    title,
    siteName,
    description: metaContent(document, "description", "og:description", "twitter:description"),
    headings: readHeadings(document),
    copy: readCopy(document),
    ogImage,
    logoCandidates: logoCandidates(document, ogImage),
    themeColor,
    palette: buildPalette({ declarations: css.declarations, attributeColors: readAttributeColors(document), themeColor }),
    fonts: rankFonts(css.declarations, css.googleFonts),
    language: readLanguage(document),
  };
}

function readHeadings(document: SiteDocument): string[] {
  const seen = new Set<string>();
  const headings: string[] = [];
  for (const heading of document.root.querySelectorAll("h1, h2, h3")) {
    if (headings.length >= MAX_HEADINGS) break;
    if (isInsideSkipped(heading)) continue;
    const text = truncateWords(visibleText(heading), MAX_HEADING_LENGTH);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    headings.push(text);
  }
  return headings;
}

function readCopy(document: SiteDocument): string {
  const { root } = document;
  const body = root.querySelector("body") ?? root;
  const main = root.querySelector("main") ?? root.querySelector('[role="main"]');
  const articles = root.querySelectorAll("article");
  let text = "";
  if (main) text = visibleText(main, MAX_COPY);
  else if (articles.length > 0) text = articles.map((article) => visibleText(article, MAX_COPY)).join(" ");
  if (text.length < MIN_MAIN_COPY) text = visibleText(body, MAX_COPY);
  return truncateWords(collapseWhitespace(text), MAX_COPY);
}

/** theme-color, preferring the light-scheme value when the page gives one per scheme. */
function readThemeColor(document: SiteDocument): string | undefined {
  const metas = document.root.querySelectorAll("meta").filter((meta) => meta.getAttribute("name")?.trim().toLowerCase() === "theme-color");
  const preferred =
    metas.find((meta) => !meta.getAttribute("media")) ?? metas.find((meta) => /light/i.test(meta.getAttribute("media") ?? "")) ?? metas[0];
  const color = preferred ? parseColor(preferred.getAttribute("content") ?? "") : null;
  return color ?? undefined;
}

function readLanguage(document: SiteDocument): string | undefined {
  const lang = document.root.querySelector("html")?.getAttribute("lang")?.trim();
  if (lang) return lang;
  const locale = metaContent(document, "og:locale");
  if (locale) return locale.replace("_", "-");
  const header = document.root
    .querySelectorAll("meta")
    .find((meta) => meta.getAttribute("http-equiv")?.toLowerCase() === "content-language")
    ?.getAttribute("content")
    ?.split(",")[0]
    ?.trim();
  return header || undefined;
}

/** Declarations from <style> blocks, fetched stylesheets and style="" attributes, and the Google Fonts the page loads. */
function gatherCss(document: SiteDocument, stylesheets: string[]): { declarations: Declaration[]; googleFonts: string[] } {
  const declarations: Declaration[] = [];
  const googleFonts: string[] = [];
  const take = (css: string, inline = false) => {
    const sheet = readStylesheet(css, { inline });
    declarations.push(...sheet.declarations);
    googleFonts.push(...sheet.imports.filter((href) => href.includes("fonts.googleapis.com")));
  };
  for (const style of document.root.querySelectorAll("style")) take(style.rawText);
  for (const css of stylesheets) take(css);
  for (const element of document.root.querySelectorAll("[style]")) take(element.getAttribute("style") ?? "", true);
  for (const link of document.root.querySelectorAll("link[href]")) {
    const href = absoluteUrl(document, link.getAttribute("href"));
    if (href && new URL(href).hostname === "fonts.googleapis.com") googleFonts.push(href);
  }
  return { declarations, googleFonts };
}

/** fill/stroke on inline SVG (often the logo itself), old bgcolor and <font color>. */
function readAttributeColors(document: SiteDocument): string[] {
  const colors: string[] = [];
  for (const element of document.root.querySelectorAll("[fill], [stroke], [bgcolor], font[color]")) {
    for (const name of ["fill", "stroke", "bgcolor", "color"]) {
      const value = element.getAttribute(name);
      const color = value ? parseColor(value) : null;
      if (color) colors.push(color);
    }
  }
  return colors;
}
