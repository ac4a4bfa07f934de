import "server-only";
import { fromHex, hslToRgb, isNeutral, labDistance, toHex, toLab, type Lab } from "./color-space";
import { colorsInValue } from "./css-color";
import type { Declaration } from "./css-declarations";

export type PaletteEntry = { color: string; weight: number };

export type PaletteInput = {
  /** From <style> blocks, fetched stylesheets and style="" attributes, in source order. */
  declarations: Declaration[];
  /** Presentational attributes (fill="#e63946", bgcolor=...), one entry per use. */
  attributeColors: string[];
  themeColor?: string;
};

const MAX_COLORS = 8;
const MERGE_DISTANCE = 10;
const THEME_COLOR_WEIGHT = 8;
/** A variable named like this was chosen as the brand's colour by whoever built the site. */
const BRAND_VARIABLE = /brand|primary|accent|secondary|highlight|theme|main|cta/;
const BRAND_VARIABLE_WEIGHT = 4;
/** Defined but maybe never used (frameworks define whole scales): a hint, not evidence. */
const PLAIN_VARIABLE_WEIGHT = 0.25;
const NAMED_COLOR_PROPERTY = /color|background|border|outline|fill|stroke|shadow|^--/;
const SHADOW_PROPERTY = /shadow/;
/** shadcn-style variables hold bare HSL channels ("222.2 47.4% 11.2%") for hsl(var(--x)). */
const BARE_HSL = /^(-?\d+(?:\.\d+)?)(?:deg)?\s+(\d+(?:\.\d+)?)%\s+(\d+(?:\.\d+)?)%$/;
const VAR_REFERENCE = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;

/** Replaces var(--x) by the variable's value (or its fallback), a few levels deep. */
function substituteVariables(value: string, variables: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 5 || !value.includes("var(")) return value;
  const replaced = value.replace(VAR_REFERENCE, (_whole, name: string, fallback: string | undefined) => variables.get(name) ?? fallback ?? " ");
  return substituteVariables(replaced, variables, depth + 1);
}

function variableColors(value: string): ReturnType<typeof colorsInValue> {
  const bare = BARE_HSL.exec(value.trim());
  if (bare) return [{ hex: toHex(hslToRgb(Number(bare[1]), Number(bare[2]) / 100, Number(bare[3]) / 100)), alpha: 1 }];
  return colorsInValue(value);
}

/**
 * The page's colours, most used first with greys after every chromatic colour,
 * near-duplicates merged. A colour's weight is its share of all weighted uses.
 */
export function buildPalette({ declarations, attributeColors, themeColor }: PaletteInput): PaletteEntry[] {
  const variables = new Map<string, string>();
  for (const { property, value } of declarations) {
    // The first definition is usually :root; later ones are dark-mode or component overrides.
    if (property.startsWith("--") && !variables.has(property)) variables.set(property, value);
  }

  const weights = new Map<string, number>();
  const add = (hex: string, weight: number) => {
    if (weight > 0) weights.set(hex, (weights.get(hex) ?? 0) + weight);
  };

  for (const { property, value } of declarations) {
    if (property.startsWith("--")) {
      const weight = BRAND_VARIABLE.test(property) ? BRAND_VARIABLE_WEIGHT : PLAIN_VARIABLE_WEIGHT;
      for (const found of variableColors(substituteVariables(value, variables))) add(found.hex, weight * found.alpha);
      continue;
    }
    const factor = SHADOW_PROPERTY.test(property) ? 0.25 : 1;
    const resolved = substituteVariables(value, variables);
    for (const found of colorsInValue(resolved, NAMED_COLOR_PROPERTY.test(property))) {
      // Faint overlays and shadows say little about the brand.
      if (found.alpha >= 0.1) add(found.hex, factor * found.alpha);
    }
  }
  for (const hex of attributeColors) add(hex, 1);
  if (themeColor) add(themeColor, THEME_COLOR_WEIGHT);

  return rankColors(weights);
}

type Cluster = { hex: string; lab: Lab; weight: number };

function rankColors(weights: ReadonlyMap<string, number>): PaletteEntry[] {
  const clusters: Cluster[] = [];
  // Heaviest first, so each cluster is named after its most used member.
  const sorted = [...weights].sort(([hexA, a], [hexB, b]) => b - a || hexA.localeCompare(hexB));
  for (const [hex, weight] of sorted) {
    const lab = toLab(fromHex(hex));
    const near = clusters.find((cluster) => labDistance(cluster.lab, lab) < MERGE_DISTANCE);
    if (near) near.weight += weight;
    else clusters.push({ hex, lab, weight });
  }
  const total = clusters.reduce((sum, cluster) => sum + cluster.weight, 0);
  const byWeight = (a: Cluster, b: Cluster) => b.weight - a.weight || a.hex.localeCompare(b.hex);
  const chromatic = clusters.filter((cluster) => !isNeutral(cluster.lab)).sort(byWeight);
  const neutral = clusters.filter((cluster) => isNeutral(cluster.lab)).sort(byWeight);
  return [...chromatic, ...neutral].slice(0, MAX_COLORS).map((cluster) => ({ color: cluster.hex, weight: Math.round((cluster.weight / total) * 1000) / 1000 }));
}
