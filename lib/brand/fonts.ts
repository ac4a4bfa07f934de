import "server-only";
import type { Declaration } from "./css-declarations";

const MAX_FONTS = 4;
const GOOGLE_FONTS_WEIGHT = 3;
const FONT_VARIABLE_WEIGHT = 0.5;

/** Generic families and the fonts of operating-system stacks: they say nothing about the brand. */
const NOT_A_BRAND_FONT = new Set(
  [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-sans-serif",
    "ui-serif",
    "ui-monospace",
    "ui-rounded",
    "emoji",
    "math",
    "fangsong",
    "-apple-system",
    "blinkmacsystemfont",
    "segoe ui",
    "segoe ui emoji",
    "segoe ui symbol",
    "apple color emoji",
    "noto color emoji",
    "android emoji",
    "emojisymbols",
    "inherit",
    "initial",
    "unset",
    "revert",
    "revert-layer",
    "var",
  ].map((name) => name.toLowerCase()),
);
/** A declaration that starts with one of these is a system stack: Roboto or Arial in it are fallbacks. */
const SYSTEM_STACK_START = new Set(["-apple-system", "system-ui", "blinkmacsystemfont", "ui-sans-serif", "ui-serif", "ui-monospace", "segoe ui"]);
const FONT_SHORTHAND_KEYWORDS = new Set(["caption", "icon", "menu", "message-box", "small-caption", "status-bar", "inherit", "initial", "unset"]);

/** next/font writes "__Inter_d65c78" and "__Inter_Fallback_d65c78"; the brand font is "Inter". */
function cleanFamily(raw: string): string | null {
  const name = raw.trim().replace(/^["']|["']$/g, "").trim();
  if (!name || /_Fallback_/i.test(name)) return null;
  const mangled = /^__(.+)_[0-9a-f]{6}$/i.exec(name);
  const clean = (mangled ? mangled[1]!.replace(/_/g, " ") : name).replace(/\s+/g, " ");
  if (NOT_A_BRAND_FONT.has(clean.toLowerCase()) || clean.length > 60 || /[(){};]/.test(clean)) return null;
  return clean;
}

function splitFamilies(list: string): string[] {
  return (list.match(/"[^"]*"|'[^']*'|[^,]+/g) ?? []).map((part) => part.trim()).filter(Boolean);
}

/** The family list out of the `font` shorthand ("italic 700 1rem/1.4 Lato, sans-serif"). */
function shorthandFamilies(value: string): string | null {
  if (FONT_SHORTHAND_KEYWORDS.has(value.trim().toLowerCase())) return null;
  const size = /(?:^|\s)(?:[\d.]+(?:px|em|rem|pt|%|vw|vh|ex|ch)|xx?-small|x?-?large|medium|smaller|larger)(?:\/\S+)?\s+(.+)$/i.exec(value);
  return size ? size[1]! : null;
}

/** The site's own font in one declaration: the first family that is not generic, unless it is a system stack. */
function chosenFamily(list: string): string | null {
  const families = splitFamilies(list);
  const first = families[0]?.replace(/^["']|["']$/g, "").toLowerCase();
  if (first === undefined || SYSTEM_STACK_START.has(first)) return null;
  for (const family of families) {
    const clean = cleanFamily(family);
    if (clean) return clean;
  }
  return null;
}

/** Family names in a Google Fonts stylesheet URL (css and css2 APIs). */
export function googleFontFamilies(href: string): string[] {
  let url: URL;
  try {
    url = new URL(href, "https://fonts.googleapis.com/");
  } catch {
    return [];
  }
  if (url.hostname !== "fonts.googleapis.com") return [];
  return url.searchParams
    .getAll("family")
    .flatMap((value) => value.split("|"))
    .map((family) => family.split(":")[0]!.trim())
    .filter(Boolean);
}

/**
 * The fonts a site chose, most used first: `font-family` and `font` declarations
 * (variables resolved), plus Google Fonts it loads, which are certainly in use.
 */
export function rankFonts(declarations: Declaration[], googleFontsHrefs: string[]): string[] {
  const variables = new Map<string, string>();
  for (const { property, value } of declarations) if (property.startsWith("--") && !variables.has(property)) variables.set(property, value);
  const resolve = (value: string) => value.replace(/var\(\s*(--[\w-]+)\s*(?:,([^)]*))?\)/g, (_whole, name: string, fallback?: string) => variables.get(name) ?? fallback ?? "");

  const scores = new Map<string, { name: string; score: number; order: number }>();
  const add = (name: string, weight: number, canonicalName = false) => {
    const key = name.toLowerCase();
    const existing = scores.get(key);
    if (!existing) scores.set(key, { name, score: weight, order: scores.size });
    else {
      existing.score += weight;
      // Google Fonts spells the family the way its designer does; CSS may not.
      if (canonicalName) existing.name = name;
    }
  };

  for (const { property, value } of declarations) {
    if (property === "font-family") {
      const family = chosenFamily(resolve(value));
      if (family) add(family, 1);
    } else if (property === "font") {
      const list = shorthandFamilies(resolve(value));
      const family = list ? chosenFamily(list) : null;
      if (family) add(family, 1);
    } else if (property.startsWith("--") && /font/.test(property)) {
      const family = chosenFamily(resolve(value));
      if (family) add(family, FONT_VARIABLE_WEIGHT);
    }
  }
  for (const href of googleFontsHrefs) for (const family of googleFontFamilies(href)) add(family, GOOGLE_FONTS_WEIGHT, true);

  return [...scores.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_FONTS)
    .map((entry) => entry.name);
}
