import type { BrandContext, StylePreset } from "@/lib/ai/types";
import { chroma, contrast, luminance, mix, normalizeHex, rotateHue, shade, tint, toHsl } from "./color";
import type { Rng } from "./prng";

/** The colour roles a design draws with; `paper` and `ink` are tinted near-white and near-black. */
export type Palette = {
  primary: string;
  secondary: string;
  accent: string;
  paper: string;
  ink: string;
  fromBrand: boolean;
};

/** Hand-picked [primary, secondary, accent] sets per style for creatives without a brand kit. */
const DEFAULTS: Record<StylePreset, Array<[string, string, string]>> = {
  bold: [
    ["#2541e8", "#ff5a36", "#ffd23f"],
    ["#6b2bd9", "#ff3d7f", "#22d3ee"],
    ["#0f766e", "#f97316", "#fde047"],
  ],
  minimal: [
    ["#1f2937", "#e5e7eb", "#2563eb"],
    ["#292524", "#e7e0d4", "#c2410c"],
    ["#0f172a", "#dbe4ee", "#059669"],
  ],
  elegant: [
    ["#1c2b25", "#c9a96e", "#f4efe6"],
    ["#1b1f3b", "#d4af7a", "#f5f0e8"],
    ["#3b1f2b", "#d8b26e", "#f7f1ea"],
  ],
  playful: [
    ["#ff4f8b", "#ffc233", "#2ec4b6"],
    ["#7c5cff", "#ff8a5c", "#3dd6dc"],
    ["#ff5d73", "#ffd166", "#06d6a0"],
  ],
  photographic: [
    ["#f59e0b", "#db2777", "#312e81"],
    ["#22d3ee", "#6366f1", "#0f172a"],
    ["#fb923c", "#a3e635", "#14532d"],
  ],
};

export function buildPalette(brand: BrandContext | null, style: StylePreset, rng: Rng): Palette {
  const colors = uniqueColors(brand?.colors ?? []);
  if (colors.length === 0) {
    const [primary, secondary, accent] = rng.pick(DEFAULTS[style]);
    return withNeutrals(primary, secondary, accent, false);
  }
  // Extracted palettes often lead with a page's white or black; the brand's identity
  // is its first real hue, so that becomes primary when there is one.
  const primary = colors.find((color) => chroma(color) >= 0.15 && luminance(color) < 0.85) ?? (colors[0] as string);
  // Page white and body-text black make poor design colours; they stay available as
  // paper and ink, and a derived tone takes their place.
  const rest = colors.filter((color) => color !== primary && luminance(color) < 0.9 && luminance(color) > 0.01);
  const distinct = (color: string, from: string[]) => from.every((other) => isDistinct(color, other));
  const secondary = rest.find((color) => distinct(color, [primary])) ?? derivedSecondary(primary);
  const accent =
    rest.find((color) => color !== secondary && chroma(color) >= 0.15 && distinct(color, [primary, secondary])) ??
    derivedAccent(primary, secondary);
  return withNeutrals(primary, secondary, accent, true);
}

function withNeutrals(primary: string, secondary: string, accent: string, fromBrand: boolean): Palette {
  return { primary, secondary, accent, paper: tint(primary, 0.93), ink: shade(mix(primary, "#1a1a1a", 0.6), 0.55), fromBrand };
}

function uniqueColors(input: string[]): string[] {
  const seen = new Set<string>();
  for (const raw of input) {
    const hex = normalizeHex(raw);
    if (hex) seen.add(hex);
  }
  return [...seen];
}

function isDistinct(a: string, b: string): boolean {
  const hueGap = Math.abs(((toHsl(a).h - toHsl(b).h + 540) % 360) - 180);
  return contrast(a, b) >= 1.4 || (hueGap >= 30 && chroma(a) > 0.2 && chroma(b) > 0.2);
}

/** A darker or lighter neighbour of primary, so one-colour brands still get depth. */
function derivedSecondary(primary: string): string {
  return luminance(primary) > 0.35 ? shade(rotateHue(primary, 12), 0.45) : tint(rotateHue(primary, -12), 0.55);
}

/**
 * A third tone when the brand gives only two: a lighter or darker version of its
 * most colourful one. Inventing a new hue would put colours on the ad the brand
 * never chose.
 */
function derivedAccent(primary: string, secondary: string): string {
  const base = chroma(secondary) > chroma(primary) ? secondary : primary;
  return luminance(base) < 0.3 ? tint(base, 0.5) : shade(base, 0.4);
}
