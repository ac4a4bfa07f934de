import type { ColorPalette } from "@/db/schema";

const HEX = /^#[0-9a-f]{6}$/;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function saturation(hex: string): number {
  const values = channels(hex);
  const max = Math.max(...values);
  const min = Math.min(...values);
  return max === 0 ? 0 : (max - min) / max;
}

/**
 * Gives a ranked list of site colours their jobs in a brand kit: the first
 * colourful ones become primary, secondary and accent; the lightest neutral the
 * background, the darkest the text (white and near-black when the site has none).
 */
export function assignPaletteRoles(ranked: string[]): ColorPalette {
  const colors = [...new Set(ranked.map((c) => c.toLowerCase()).filter((c) => HEX.test(c)))];
  const chromatic = colors.filter((c) => saturation(c) > 0.18 && luminance(c) > 0.02 && luminance(c) < 0.9);
  const neutrals = colors.filter((c) => !chromatic.includes(c));
  const light = neutrals.filter((c) => luminance(c) > 0.8).sort((a, b) => luminance(b) - luminance(a));
  const dark = neutrals.filter((c) => luminance(c) < 0.1).sort((a, b) => luminance(a) - luminance(b));
  return {
    primary: chromatic[0] ?? dark[0] ?? colors[0],
    secondary: chromatic[1],
    accent: chromatic[2],
    background: light[0] ?? "#ffffff",
    text: dark[0] ?? "#111827",
    all: colors.slice(0, 8),
  };
}
