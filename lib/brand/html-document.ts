import "server-only";
import { parse, type HTMLElement, type Node, NodeType } from "node-html-parser";

export type SiteDocument = {
  root: HTMLElement;
  pageUrl: URL;
  /** Where relative links resolve: <base href> when the page sets one, else the page's URL. */
  baseUrl: URL;
};

export function readDocument(html: string, pageUrl: string): SiteDocument {
  const root = parse(html, {
    comment: false,
    // Real pages leave <p>, <li> and <div> unclosed; without this their text would be dropped.
    parseNoneClosedTags: true,
    blockTextElements: { script: true, style: true, noscript: true, pre: true, textarea: true },
  });
  const page = new URL(pageUrl);
  const baseHref = root.querySelector("base[href]")?.getAttribute("href");
  let baseUrl = page;
  if (baseHref) {
    try {
      const candidate = new URL(baseHref, page);
      if (candidate.protocol === "http:" || candidate.protocol === "https:") baseUrl = candidate;
    } catch {
      // An unparsable <base> is ignored, as browsers do.
    }
  }
  return { root, pageUrl: page, baseUrl };
}

/** An absolute http(s) URL for a link on the page, or null (javascript:, data:, broken). */
export function absoluteUrl(document: SiteDocument, href: string | undefined): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed, document.baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Cuts at the last word boundary that fits, so no word is left half. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/** content="" of the first <meta name|property|itemprop=key> among `keys`, in the order given. */
export function metaContent(document: SiteDocument, ...keys: string[]): string | undefined {
  const metas = document.root.querySelectorAll("meta");
  for (const key of keys) {
    for (const meta of metas) {
      const names = [meta.getAttribute("name"), meta.getAttribute("property"), meta.getAttribute("itemprop")];
      if (!names.some((name) => name?.trim().toLowerCase() === key)) continue;
      const content = collapseWhitespace(meta.getAttribute("content") ?? "");
      if (content) return content;
    }
  }
  return undefined;
}

/** Elements whose text a visitor does not read as the page's message. */
const SKIPPED_TAGS = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "object",
  "embed",
  "canvas",
  "audio",
  "video",
  "nav",
  "footer",
  "select",
  "option",
  "datalist",
  "textarea",
  "dialog",
]);
const SKIPPED_ROLES = new Set(["navigation", "contentinfo", "dialog", "alertdialog", "menu", "menubar"]);
const SKIPPED_NAMES = /cookie-?(?:banner|consent|notice|bar|law|popup)|cookiebot|onetrust|gdpr|sr-only|visually-hidden|screen-reader-text|skip-link/i;
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** Navigation, footers, hidden and screen-reader-only elements, cookie banners. */
export function isOutsideMessage(element: HTMLElement): boolean {
  const tag = element.tagName?.toLowerCase() ?? "";
  if (SKIPPED_TAGS.has(tag)) return true;
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  if (SKIPPED_ROLES.has(element.getAttribute("role")?.toLowerCase() ?? "")) return true;
  const style = element.getAttribute("style");
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
  return SKIPPED_NAMES.test(names);
}

/** The text a visitor reads in `element`, entities decoded, blocks separated, whitespace collapsed. */
export function visibleText(element: HTMLElement, maxChars = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node) => {
    if (length > maxChars) return;
    if (node.nodeType === NodeType.TEXT_NODE) {
      parts.push(node.text);
      length += node.text.length;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const child = node as HTMLElement;
    if (isOutsideMessage(child)) return;
    const block = BLOCK_TAGS.has(child.tagName?.toLowerCase() ?? "");
    if (block) parts.push(" ");
    for (const inner of child.childNodes) walk(inner);
    if (block) parts.push(" ");
  };
  for (const node of element.childNodes) walk(node);
  return collapseWhitespace(parts.join(""));
}

/** True when `element` sits inside navigation, a footer or anything else visibleText skips. */
export function isInsideSkipped(element: HTMLElement): boolean {
  for (let current: HTMLElement | null = element; current; current = current.parentNode) {
    if (current.tagName && isOutsideMessage(current)) return true;
  }
  return false;
}
