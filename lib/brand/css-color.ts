import "server-only";
import { hslToRgb, oklabToRgb, toHex, type Rgba } from "./color-space";

/** The named colours sites actually use; the rest of CSS's 148 are rare enough to ignore. */
const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  pink: "#ffc0cb",
  brown: "#a52a2a",
  gray: "#808080",
  grey: "#808080",
  silver: "#c0c0c0",
  navy: "#000080",
  teal: "#008080",
  maroon: "#800000",
  olive: "#808000",
  lime: "#00ff00",
  aqua: "#00ffff",
  cyan: "#00ffff",
  magenta: "#ff00ff",
  fuchsia: "#ff00ff",
  gold: "#ffd700",
  coral: "#ff7f50",
  tomato: "#ff6347",
  salmon: "#fa8072",
  crimson: "#dc143c",
  firebrick: "#b22222",
  indigo: "#4b0082",
  violet: "#ee82ee",
  orchid: "#da70d6",
  plum: "#dda0dd",
  turquoise: "#40e0d0",
  beige: "#f5f5dc",
  ivory: "#fffff0",
  khaki: "#f0e68c",
  lavender: "#e6e6fa",
  tan: "#d2b48c",
  wheat: "#f5deb3",
  linen: "#faf0e6",
  chocolate: "#d2691e",
  goldenrod: "#daa520",
  hotpink: "#ff69b4",
  deeppink: "#ff1493",
  skyblue: "#87ceeb",
  steelblue: "#4682b4",
  royalblue: "#4169e1",
  dodgerblue: "#1e90ff",
  slategray: "#708090",
  slategrey: "#708090",
  forestgreen: "#228b22",
  seagreen: "#2e8b57",
  darkred: "#8b0000",
  darkblue: "#00008b",
  darkgreen: "#006400",
  darkgray: "#a9a9a9",
  darkgrey: "#a9a9a9",
  dimgray: "#696969",
  dimgrey: "#696969",
  lightgray: "#d3d3d3",
  lightgrey: "#d3d3d3",
  lightblue: "#add8e6",
  whitesmoke: "#f5f5f5",
  gainsboro: "#dcdcdc",
  mintcream: "#f5fffa",
  rebeccapurple: "#663399",
};

export type FoundColor = { hex: string; alpha: number };

/** A number or percentage; `scale` is what 100% means for this channel. */
function channel(token: string | undefined, scale: number): number | null {
  if (token === undefined || token === "none") return token === "none" ? 0 : null;
  const value = parseFloat(token);
  if (!Number.isFinite(value)) return null;
  return token.endsWith("%") ? (value / 100) * scale : value;
}

function hue(token: string | undefined): number | null {
  if (token === undefined) return null;
  const value = parseFloat(token);
  if (!Number.isFinite(value)) return null;
  if (token.endsWith("turn")) return value * 360;
  if (token.endsWith("rad")) return (value * 180) / Math.PI;
  if (token.endsWith("grad")) return value * 0.9;
  return value;
}

/** Splits "255, 0, 0, .5" and "255 0 0 / 50%" alike into channels and alpha. */
function args(inner: string): { parts: string[]; alpha: number } | null {
  const [main = "", slashAlpha] = inner.split("/");
  const parts = main.trim().split(/[\s,]+/).filter(Boolean);
  const alphaToken = slashAlpha?.trim() ?? (parts.length === 4 ? parts.pop() : undefined);
  const alpha = alphaToken === undefined ? 1 : channel(alphaToken, 1);
  if (alpha === null || parts.length !== 3) return null;
  return { parts, alpha: Math.min(1, Math.max(0, alpha)) };
}

function fromFunction(name: string, inner: string): Rgba | null {
  if (/\bvar\(|\bcalc\(|\bfrom\b/i.test(inner)) return null;
  const parsed = args(inner);
  if (!parsed) return null;
  const [p0, p1, p2] = parsed.parts;
  let rgb: Pick<Rgba, "r" | "g" | "b"> | null = null;
  if (name === "rgb" || name === "rgba") {
    const [r, g, b] = [channel(p0, 255), channel(p1, 255), channel(p2, 255)];
    if (r !== null && g !== null && b !== null) rgb = { r, g, b };
  } else if (name === "hsl" || name === "hsla") {
    const [h, s, l] = [hue(p0), channel(p1, 100), channel(p2, 100)];
    if (h !== null && s !== null && l !== null) rgb = hslToRgb(h, s / 100, l / 100);
  } else if (name === "oklch") {
    const [l, c, h] = [channel(p0, 1), channel(p1, 0.4), hue(p2)];
    if (l !== null && c !== null && h !== null) rgb = oklabToRgb(l, c * Math.cos((h * Math.PI) / 180), c * Math.sin((h * Math.PI) / 180));
  } else if (name === "oklab") {
    const [l, a, b] = [channel(p0, 1), channel(p1, 0.4), channel(p2, 0.4)];
    if (l !== null && a !== null && b !== null) rgb = oklabToRgb(l, a, b);
  }
  return rgb ? { ...rgb, a: parsed.alpha } : null;
}

function fromHexToken(digits: string): FoundColor {
  const full = digits.length <= 4 ? [...digits].map((digit) => digit + digit).join("") : digits;
  const alpha = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
  return { hex: `#${full.slice(0, 6).toLowerCase()}`, alpha };
}

const COLOR_TOKEN = /#([0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(rgba?|hsla?|oklch|oklab)\(([^()]*)\)|\b([a-z]+)\b/gi;

/**
 * Every colour written in a CSS value, normalised to lowercase #rrggbb plus alpha.
 * `allowNamed` is off for values where a bare word is more likely a font or an
 * animation name than a colour.
 */
export function colorsInValue(value: string, allowNamed = true): FoundColor[] {
  // Text inside url(...) and quotes is a file name or content, not a colour.
  const cleaned = value.replace(/url\([^)]*\)/gi, " ").replace(/"[^"]*"|'[^']*'/g, " ");
  const found: FoundColor[] = [];
  for (const match of cleaned.matchAll(COLOR_TOKEN)) {
    const [, hexDigits, fn, inner, word] = match;
    if (hexDigits) found.push(fromHexToken(hexDigits));
    else if (fn && inner !== undefined) {
      const rgba = fromFunction(fn.toLowerCase(), inner);
      if (rgba) found.push({ hex: toHex(rgba), alpha: rgba.a });
    } else if (word && allowNamed) {
      // "--brand-red" is a name, not the colour red; a word after "-" is part of an identifier.
      const before = cleaned[match.index - 1];
      const named = NAMED[word.toLowerCase()];
      if (named && before !== "-" && cleaned[match.index + word.length] !== "-") found.push({ hex: named, alpha: 1 });
    }
  }
  return found;
}

/** One colour for a value that should be exactly one (theme-color, fill=...), or null. */
export function parseColor(value: string): string | null {
  const [first] = colorsInValue(value.trim());
  return first && first.alpha > 0 ? first.hex : null;
}
