import "server-only";

/** An sRGB colour, channels 0–255, alpha 0–1. */
export type Rgba = { r: number; g: number; b: number; a: number };
export type Lab = { l: number; a: number; b: number };

const clampByte = (value: number) => Math.min(255, Math.max(0, Math.round(value)));

export function toHex({ r, g, b }: Pick<Rgba, "r" | "g" | "b">): string {
  return `#${[r, g, b].map((channel) => clampByte(channel).toString(16).padStart(2, "0")).join("")}`;
}

export function fromHex(hex: string): Rgba {
  const value = parseInt(hex.slice(1, 7), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff, a: 1 };
}

const toLinear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * Math.max(c, 0) ** (1 / 2.4) - 0.055);

/** CIE L*a*b* (D65): distances in it roughly match how different two colours look. */
export function toLab({ r, g, b }: Pick<Rgba, "r" | "g" | "b">): Lab {
  const [lr, lg, lb] = [toLinear(r), toLinear(g), toLinear(b)];
  const x = (0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047;
  const y = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  const z = (0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

export function labDistance(first: Lab, second: Lab): number {
  return Math.hypot(first.l - second.l, first.a - second.a, first.b - second.b);
}

/** Greys, near-white and near-black: colours that carry no brand on their own. */
export function isNeutral(lab: Lab): boolean {
  return Math.hypot(lab.a, lab.b) < 12 || lab.l > 97 || lab.l < 8;
}

/** OKLab (CSS `oklab()`, `oklch()`: Tailwind 4 and shadcn themes) to sRGB. */
export function oklabToRgb(l: number, a: number, b: number): Pick<Rgba, "r" | "g" | "b"> {
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return {
    r: clampByte(fromLinear(4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_)),
    g: clampByte(fromLinear(-1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_)),
    b: clampByte(fromLinear(-0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_)),
  };
}

export function hslToRgb(hue: number, saturation: number, lightness: number): Pick<Rgba, "r" | "g" | "b"> {
  const h = (((hue % 360) + 360) % 360) / 360;
  const s = Math.min(1, Math.max(0, saturation));
  const l = Math.min(1, Math.max(0, lightness));
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return { r: clampByte(channel(h + 1 / 3) * 255), g: clampByte(channel(h) * 255), b: clampByte(channel(h - 1 / 3) * 255) };
}
