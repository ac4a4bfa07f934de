import "server-only";
import { isIP } from "node:net";
import type { SiteExtract } from "@/lib/ai/types";
import { safeFetch, type SafeFetchOptions } from "@/lib/web/safe-fetch";
import { decodeBody } from "./decode-body";
import { extractFromDocument } from "./extract-site";
import { absoluteUrl, readDocument, type SiteDocument } from "./html-document";
import { hostnameLabel } from "./site-name";

const MAX_STYLESHEETS = 3;
const MAX_STYLESHEET_BYTES = 500 * 1024;
const STYLESHEET_TIMEOUT_MS = 5_000;
/** Frameworks and plugins bring their own palettes and fonts; the site's own CSS says more. */
const VENDOR_CSS = /bootstrap|font-?awesome|jquery|swiper|slick|animate|normalize|reset|icons?\b|dashicons|wp-includes|block-library|admin-bar|woocommerce/i;

export type FetchSiteOptions = Pick<SafeFetchOptions, "resolver" | "allowPrivateForTests">;

/** "sweetcrumbs.com" → "https://sweetcrumbs.com": marketers rarely type the scheme. */
export function withScheme(input: string): string {
  const trimmed = input.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+\.[^:/]+:\d/.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, "")}`;
}

/**
 * Fetches a site's page (SSRF-safe) and reads it, with up to three of its own
 * stylesheets for colours and fonts. A stylesheet that fails is skipped; a page
 * that fails throws SafeFetchError with a message for the marketer.
 */
export async function fetchSite(url: string, options: FetchSiteOptions = {}): Promise<SiteExtract> {
  const page = await safeFetch(withScheme(url), { ...options, accept: "html" });
  const document = readDocument(decodeBody(page.body, page.contentType), page.url);
  const sheets = await Promise.allSettled(
    ownStylesheets(document).map((href) =>
      safeFetch(href, { ...options, accept: "css", maxBytes: MAX_STYLESHEET_BYTES, timeoutMs: STYLESHEET_TIMEOUT_MS }),
    ),
  );
  const css = sheets.flatMap((sheet) => (sheet.status === "fulfilled" ? [decodeBody(sheet.value.body, sheet.value.contentType, { html: false })] : []));
  return extractFromDocument(document, css);
}

/** Same host, or the same registrable name ("cdn.example.com" for "www.example.com"). */
function sameSite(first: URL, second: URL): boolean {
  if (first.hostname === second.hostname) return true;
  // Addresses have no registrable name; only the exact host counts.
  if (isIP(first.hostname.replace(/^\[|\]$/g, "")) || isIP(second.hostname.replace(/^\[|\]$/g, ""))) return false;
  const bare = (hostname: string) => hostname.replace(/^www\d?\./, "");
  const [a, b] = [bare(first.hostname), bare(second.hostname)];
  return hostnameLabel(a) === hostnameLabel(b) && a.split(".").slice(-1)[0] === b.split(".").slice(-1)[0];
}

/** The page's own stylesheets, site CSS before vendor CSS, print-only ones left out. */
export function ownStylesheets(document: SiteDocument): string[] {
  const hrefs = document.root
    .querySelectorAll("link[href]")
    .filter((link) => (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet"))
    .filter((link) => !/^print$/i.test(link.getAttribute("media")?.trim() ?? ""))
    .map((link) => absoluteUrl(document, link.getAttribute("href")))
    .filter((href): href is string => href !== null && sameSite(new URL(href), document.pageUrl));
  const unique = [...new Set(hrefs)];
  const own = unique.filter((href) => !VENDOR_CSS.test(new URL(href).pathname));
  const vendor = unique.filter((href) => VENDOR_CSS.test(new URL(href).pathname));
  return [...own, ...vendor].slice(0, MAX_STYLESHEETS);
}
