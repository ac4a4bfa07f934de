import "server-only";
import type { StylePreset } from "@/lib/ai/types";
import { chroma, contrast, luminance, mix, shade, tint } from "./color";
import { FACES } from "./fonts";
import type { LayoutName } from "./layouts/types";
import type { Palette } from "./palette";
import type { TextStyle } from "./text-layout";

/**
 * What each style preset means on the canvas: its font pairing, how the palette is
 * spent (canvas, panels, inks, button), its button shape and which layouts suit it
 * best. The decoration itself lives in art/.
 */
export type Theme = {
  style: StylePreset;
  headline: TextStyle;
  /** Brand name and website. */
  label: TextStyle;
  cta: TextStyle;
  /** Largest headline size, in hundredths of the frame's short side. */
  headlineMax: number;
  ctaShape: "pill" | "rounded" | "square";
  ctaArrow: boolean;
  /** A solid copy of the button offset behind it (playful's sticker look). */
  ctaShadow: boolean;
  /** A short rule under the headline. */
  rule: boolean;
  textShadow: boolean;
  /** Base colour the art is drawn on. */
  canvas: string;
  /** The brightest colour the art can put behind text, for scrim and contrast decisions. */
  artBright: string;
  /** Fill of split panels, bands, slabs and cards. */
  panel: string;
  /** Below 1 the panel is a tinted glass over the art (photographic). */
  panelOpacity: number;
  /** Darkening drawn over bare canvas where text sits; 0 when the canvas is calm enough. */
  canvasScrim: number;
  /** Decorative strokes and stripes. */
  decor: string;
  /** Ink preferences, best first; the first that reads on the surface (WCAG ≥ 4.5) wins. */
  inks: string[];
  /** Button fill preferences; the first with ≥ 3:1 against the surface wins. */
  ctaFills: string[];
  layouts: LayoutName[];
  panelCorner: number;
  /** Rendering resolution of the art relative to the frame: soft art can be drawn small and scaled up. */
  artScale: number;
  output: "png" | "jpeg";
};

const text = (face: TextStyle["face"], letterSpacing: number, lineHeight: number, uppercase = false): TextStyle => ({
  face,
  letterSpacing,
  lineHeight,
  uppercase,
});

export function themeFor(style: StylePreset, palette: Palette): Theme {
  switch (style) {
    case "bold":
      return bold(palette);
    case "minimal":
      return minimal(palette);
    case "elegant":
      return elegant(palette);
    case "playful":
      return playful(palette);
    case "photographic":
      return photographic(palette);
  }
}

function bold(p: Palette): Theme {
  const canvas = luminance(p.primary) > 0.75 ? shade(p.primary, 0.35) : p.primary;
  const panel = chroma(p.secondary) > 0.15 && contrast(p.secondary, canvas) >= 1.5 ? p.secondary : shade(canvas, 0.6);
  return {
    style: "bold",
    headline: text(FACES.montserrat800, -0.01, 1.02, true),
    label: text(FACES.inter600, 0, 1.2),
    cta: text(FACES.montserrat700, 0.06, 1, true),
    headlineMax: 12,
    ctaShape: "rounded",
    ctaArrow: true,
    ctaShadow: false,
    rule: false,
    textShadow: false,
    canvas,
    artBright: canvas,
    panel,
    panelOpacity: 1,
    canvasScrim: 0,
    decor: p.accent,
    inks: ["#ffffff", p.paper, p.ink, "#111111"],
    ctaFills: [p.accent, "#ffffff", p.secondary, p.ink],
    layouts: ["diagonal", "split", "centered", "band", "card"],
    panelCorner: 0,
    artScale: 1,
    output: "png",
  };
}

function minimal(p: Palette): Theme {
  const canvas = mix(p.paper, "#f6f5f2", 0.4);
  return {
    style: "minimal",
    headline: text(FACES.inter600, -0.025, 1.1),
    label: text(FACES.inter500, 0, 1.2),
    cta: text(FACES.inter600, 0, 1),
    headlineMax: 9.5,
    ctaShape: "rounded",
    ctaArrow: true,
    ctaShadow: false,
    rule: true,
    textShadow: false,
    canvas,
    artBright: canvas,
    panel: "#ffffff",
    panelOpacity: 1,
    canvasScrim: 0,
    decor: luminance(p.primary) > 0.6 ? p.ink : p.primary,
    inks: [p.ink, "#161616", "#ffffff"],
    ctaFills: [p.primary, p.ink, "#161616"],
    layouts: ["centered", "split", "card", "band", "diagonal"],
    panelCorner: 0.6,
    artScale: 1,
    output: "png",
  };
}

function elegant(p: Palette): Theme {
  let canvas = mix(p.primary, "#0c0c0c", 0.5);
  while (luminance(canvas) > 0.045) canvas = shade(canvas, 0.2);
  // The metallic line colour: whichever brand colour glows most on the deep canvas.
  const decor = [p.secondary, p.accent, "#c9a96e"].find((color) => contrast(color, canvas) >= 4 && chroma(color) > 0.12) ?? tint(p.secondary, 0.5);
  const cream = mix(tint(decor, 0.82), "#f6f1e8", 0.5);
  return {
    style: "elegant",
    headline: text(FACES.playfair700, 0, 1.12),
    label: text(FACES.montserrat500, 0.2, 1.2, true),
    cta: text(FACES.montserrat600, 0.16, 1, true),
    headlineMax: 10,
    ctaShape: "square",
    ctaArrow: false,
    ctaShadow: false,
    rule: true,
    textShadow: false,
    canvas,
    artBright: mix(canvas, decor, 0.12),
    panel: cream,
    panelOpacity: 1,
    canvasScrim: 0,
    decor,
    inks: [cream, "#ffffff", canvas, p.ink],
    ctaFills: [decor, canvas, p.ink],
    layouts: ["centered", "split", "card", "diagonal", "band"],
    panelCorner: 0,
    artScale: 1,
    output: "png",
  };
}

function playful(p: Palette): Theme {
  let canvas = tint(p.secondary, luminance(p.secondary) > 0.5 ? 0.6 : 0.82);
  // White cards need a canvas they stand out from.
  while (contrast(canvas, "#ffffff") < 1.15) canvas = mix(canvas, p.primary, 0.12);
  const deep = shade(p.primary, 0.55);
  return {
    style: "playful",
    headline: text(FACES.fredoka700, 0, 1.04),
    label: text(FACES.fredoka600, 0.01, 1.2),
    cta: text(FACES.fredoka600, 0.01, 1),
    headlineMax: 11,
    ctaShape: "pill",
    ctaArrow: true,
    ctaShadow: true,
    rule: false,
    textShadow: false,
    canvas,
    artBright: canvas,
    panel: "#ffffff",
    panelOpacity: 1,
    canvasScrim: 0,
    decor: p.accent,
    inks: [deep, p.ink, "#1d1d1d", "#ffffff"],
    ctaFills: [p.primary, shade(p.primary, 0.25), p.ink],
    layouts: ["card", "centered", "split", "diagonal", "band"],
    panelCorner: 4,
    artScale: 1,
    output: "png",
  };
}

function photographic(p: Palette): Theme {
  const canvas = shade(mix(p.accent, p.primary, 0.25), 0.72);
  // Bokeh highlights are palette colours lifted toward white; text must read on the worst of them.
  const brightest = [p.primary, p.secondary, p.accent].reduce((a, b) => (luminance(a) >= luminance(b) ? a : b));
  const artBright = tint(brightest, 0.4);
  const scrimColor = shade(canvas, 0.5);
  return {
    style: "photographic",
    headline: text(FACES.montserrat700, -0.01, 1.06),
    label: text(FACES.inter600, 0.02, 1.2),
    cta: text(FACES.inter700, 0.01, 1),
    headlineMax: 10.5,
    ctaShape: "pill",
    ctaArrow: true,
    ctaShadow: false,
    rule: false,
    textShadow: true,
    canvas,
    artBright,
    panel: scrimColor,
    panelOpacity: scrimFor(artBright, scrimColor, 0.55),
    canvasScrim: scrimFor(artBright, scrimColor, 0.45),
    decor: p.accent,
    inks: ["#ffffff"],
    ctaFills: ["#ffffff", tint(p.accent, 0.2)],
    layouts: ["band", "centered", "split", "card", "diagonal"],
    panelCorner: 2.4,
    artScale: 0.5,
    output: "jpeg",
  };
}

/** The lightest darkening (at least `floor`) that puts white text at 5:1 over the art's brightest colour. */
function scrimFor(bright: string, scrim: string, floor: number): number {
  for (let opacity = floor; opacity < 0.95; opacity += 0.02) {
    if (contrast("#ffffff", mix(bright, scrim, opacity)) >= 5) return Math.round(opacity * 100) / 100;
  }
  return 0.95;
}

/** The colour text actually sits on: the panel or canvas, after any translucent layer over the art. */
export function surfaceColor(theme: Theme, on: "canvas" | "panel"): string {
  if (on === "panel") return theme.panelOpacity >= 1 ? theme.panel : mix(theme.artBright, theme.panel, theme.panelOpacity);
  return theme.canvasScrim > 0 ? mix(theme.artBright, theme.panel, theme.canvasScrim) : theme.canvas;
}
