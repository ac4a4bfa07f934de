/**
 * Colour arithmetic in sRGB hex: parsing brand input, mixing tints and shades, and
 * the WCAG 2 contrast ratio that decides which ink goes on which surface.
 */

export type Rgb = { r: number; g: number; b: number };

/** "#abc", "abc", "#aabbcc" or "#aabbccdd" → "#aabbcc"; anything else → null. */
export function normalizeHex(input: string): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(input.trim());
  if (!match?.[1]) return null;
  let hex = match[1].toLowerCase();
  if (hex.length === 3) hex = [...hex].map((digit) => digit + digit).join("");
  return `#${hex.slice(0, 6)}`;
}

export function toRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

export function toHex({ r, g, b }: Rgb): string {
  const channel = (value: number) => Math.round(Math.min(255, Math.max(0, value))).toString(16).padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** `amount` of the way from `from` to `to` (0 → from, 1 → to). */
export function mix(from: string, to: string, amount: number): string {
  const a = toRgb(from);
  const b = toRgb(to);
  return toHex({ r: a.r + (b.r - a.r) * amount, g: a.g + (b.g - a.g) * amount, b: a.b + (b.b - a.b) * amount });
}

export const tint = (hex: string, amount: number) => mix(hex, "#ffffff", amount);
export const shade = (hex: string, amount: number) => mix(hex, "#000000", amount);

export function luminance(hex: string): number {
  const { r, g, b } = toRgb(hex);
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The first candidate that reaches `minimum` against `background`, else whichever
 * of the candidates, white and black has the most contrast (one of white and black
 * always reaches 4.58:1, so body text never falls below WCAG AA).
 */
export function readableOn(background: string, candidates: string[], minimum = 4.5): string {
  const fallback = [...candidates, "#ffffff", "#000000"];
  const good = candidates.find((candidate) => contrast(candidate, background) >= minimum);
  if (good) return good;
  return fallback.reduce((best, candidate) => (contrast(candidate, background) > contrast(best, background) ? candidate : best));
}

export type Hsl = { h: number; s: number; l: number };

export function toHsl(hex: string): Hsl {
  const { r, g, b } = toRgb(hex);
  const [red, green, blue] = [r / 255, g / 255, b / 255];
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === red ? (green - blue) / d + (green < blue ? 6 : 0) : max === green ? (blue - red) / d + 2 : (red - green) / d + 4;
  return { h: h * 60, s, l };
}

export function fromHsl({ h, s, l }: Hsl): string {
  const hue = (((h % 360) + 360) % 360) / 360;
  if (s === 0) return toHex({ r: l * 255, g: l * 255, b: l * 255 });
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return toHex({ r: channel(hue + 1 / 3) * 255, g: channel(hue) * 255, b: channel(hue - 1 / 3) * 255 });
}

export function rotateHue(hex: string, degrees: number): string {
  const hsl = toHsl(hex);
  return fromHsl({ ...hsl, h: hsl.h + degrees });
}

/** 0 for greys, up to 1 for pure hues; brand palettes list greys last for a reason. */
export function chroma(hex: string): number {
  const { r, g, b } = toRgb(hex);
  return (Math.max(r, g, b) - Math.min(r, g, b)) / 255;
}
