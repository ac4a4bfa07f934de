import "server-only";
import { fromHex, isNeutral, toLab } from "@/lib/brand/color-space";
import { hostnameLabel, siteNameFromTitle } from "@/lib/brand/site-name";
import type { BrandAnalysis, SiteExtract } from "../../types";
import { describeAudience } from "./audience";
import { detectCategory } from "./business-category";
import { findWordsToUse } from "./keywords";
import { detectTones } from "./tone";
import { findValuePropositions } from "./value-propositions";
import { capitalize, containsPhrase, sentences } from "./words";
import { wordsToAvoidFor } from "./words-to-avoid";

const MAX_COLORS = 5;
const MAX_NEUTRALS = 2;
const MAX_SUMMARY = 280;

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The business's name: the site's own, else the name part of a "Page | Name"
 * title, else a bare title that matches the domain ("Sweet Crumbs Bakery" on
 * sweetcrumbs.co.uk, not "Coming soon"), else the domain ("Sweetcrumbs").
 */
export function brandName(site: SiteExtract): string {
  const hostname = new URL(site.url).hostname;
  const label = hostnameLabel(hostname);
  const strip = (text: string) => text.replace(/^(welcome to|home of|bienvenue (chez|à))\s+/i, "").trim();
  const fromTitle = site.title ? siteNameFromTitle(site.title, hostname) : undefined;
  const bareTitle = site.title && label.length > 2 && compact(site.title).includes(label) ? site.title : undefined;
  const candidate = [site.siteName, fromTitle, bareTitle].map((text) => (text ? strip(text) : "")).find((text) => text && text.length <= 60);
  return candidate || capitalize(label || hostname);
}

/** One or two sentences from the description, else from the copy; never empty. */
function summarize(site: SiteExtract, name: string): string {
  for (const source of [site.description, site.copy]) {
    const picked: string[] = [];
    for (const sentence of sentences(source ?? "", site.headings)) {
      if (sentence.length < 20 || picked.join(" ").length + sentence.length > MAX_SUMMARY) continue;
      picked.push(/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
      if (picked.length === 2) break;
    }
    if (picked.length > 0) return picked.join(" ");
  }
  return site.title && site.title !== name ? `${name}: ${site.title}.` : `${name}, online at ${new URL(site.url).hostname}.`;
}

/** Theme colour first, then the palette's chromatic colours; at most two neutrals, which rarely carry a brand. */
function brandColors(site: SiteExtract): string[] {
  const colors: string[] = [];
  let neutrals = 0;
  for (const color of [site.themeColor, ...site.palette.map((entry) => entry.color)]) {
    if (!color || colors.includes(color) || colors.length >= MAX_COLORS) continue;
    const neutral = isNeutral(toLab(fromHex(color)));
    if (neutral && neutrals >= MAX_NEUTRALS) continue;
    if (neutral) neutrals += 1;
    colors.push(color);
  }
  return colors;
}

/**
 * A brand kit's voice by heuristics alone: what the offline provider returns
 * where Gemini would be asked. Deterministic, and every field is filled.
 */
export function analyzeBrandOffline(site: SiteExtract): BrandAnalysis {
  const name = brandName(site);
  const text = [site.title, site.description, ...site.headings, site.copy].filter(Boolean).join(" ");
  const sources = { headings: site.headings, description: site.description, copy: site.copy };
  const tone = detectTones(sources);
  const category = detectCategory(text);
  const wordsToAvoid = wordsToAvoidFor(tone);
  const avoided = (term: string) => wordsToAvoid.some((avoid) => containsPhrase(term, avoid));

  return {
    name,
    summary: summarize(site, name),
    tone,
    audience: describeAudience(text, category, name).phrase,
    valuePropositions: findValuePropositions(sources).filter((proposition) => !avoided(proposition)),
    wordsToUse: findWordsToUse({ ...sources, exclude: [name, new URL(site.url).hostname] }).filter((term) => !avoided(term)),
    wordsToAvoid,
    colors: brandColors(site),
  };
}
