import "server-only";
import { contrast, mix, readableOn } from "./color";
import type { PlacedContent, PlacedText } from "./content-stack";
import type { Frame } from "./layouts/types";
import type { PreparedLogo } from "./logo";
import type { Theme } from "./styles";
import { escapeXml, inflate, n, rect, type Box } from "./svg";

/**
 * The text, button and logo as separate SVG fragments, each with the box it
 * occupies: an image draws them all at once, a video animates each on its own.
 */

export type Inks = { headline: string; label: string; ctaFill: string; ctaLabel: string; rule: string };

/** WCAG-checked colours for everything set on `surface`. */
export function chooseInks(theme: Theme, surface: string): Inks {
  const headline = readableOn(surface, theme.inks);
  // Small print is a touch quieter than the headline when that still reads at 4.5:1.
  const quiet = mix(headline, surface, 0.18);
  const label = contrast(quiet, surface) >= 4.5 ? quiet : headline;
  const ctaFill = theme.ctaFills.find((fill) => contrast(fill, surface) >= 3) ?? headline;
  const ctaLabel = readableOn(ctaFill, ["#ffffff", surface, "#161616"]);
  const rule = contrast(theme.decor, surface) >= 1.8 ? theme.decor : headline;
  return { headline, label, ctaFill, ctaLabel, rule };
}

export type LayerName = "brand" | "headline" | "rule" | "cta" | "website";
export type Layer = {
  name: LayerName;
  svg: string;
  box: Box;
  /** The layer's text in black, for a soft drop shadow (styles with `textShadow`). */
  shadow?: string;
};
export type Foreground = { layers: Layer[] };

export function foregroundLayers(frame: Frame, theme: Theme, placed: PlacedContent, inks: Inks, surface: string, logo: PreparedLogo | null): Foreground {
  const u = frame.unit;
  const shadowOf = (text: PlacedText) => (theme.textShadow ? textLines(text, "#000000") : undefined);
  const clip = (box: Box): Box => clipToFrame(box, frame);
  const layers: Layer[] = [];

  if (placed.brand) {
    let svg = "";
    let box = placed.brand.box;
    if (placed.brand.logo && logo) {
      const logoBox = placed.brand.logo;
      if (logo.transparent && contrast(logo.tone, surface) < 2.2) {
        // A logo that would vanish into the surface gets a small plate in its best contrast.
        const plate = inflate(logoBox, 1.1 * u);
        const plateColor = contrast(logo.tone, "#ffffff") >= contrast(logo.tone, "#141414") ? "#ffffff" : "#141414";
        svg += rect(plate, `fill="${plateColor}"`, theme.ctaShape === "square" ? 0 : u);
        box = union(box, plate);
      }
      const corner = logo.transparent ? 0 : Math.min(logoBox.w, logoBox.h) * 0.12;
      const clipPath = corner > 0 ? `<clipPath id="logo-clip">${rect(logoBox, "", corner)}</clipPath>` : "";
      svg += `${clipPath}<image href="${logo.dataUri}" x="${n(logoBox.x)}" y="${n(logoBox.y)}" width="${n(logoBox.w)}" height="${n(logoBox.h)}" preserveAspectRatio="xMidYMid meet"${corner > 0 ? ` clip-path="url(#logo-clip)"` : ""}/>`;
    }
    if (placed.brand.name) svg += textLines(placed.brand.name, inks.label);
    const shadow = placed.brand.name && shadowOf(placed.brand.name);
    layers.push({ name: "brand", svg, box: clip(inflate(box, (shadow ? 2.5 : 0.8) * u)), shadow: shadow || undefined });
  }

  // One layer per headline line, so a video can bring them in one after another.
  placed.headline.block.lines.forEach((_, index) => {
    const line = lineOf(placed.headline, index);
    layers.push({ name: "headline", svg: textLines(line, inks.headline), box: clip(textBox(line, u)), shadow: shadowOf(line) });
  });

  if (placed.rule) layers.push({ name: "rule", svg: rect(placed.rule, `fill="${inks.rule}"`), box: clip(inflate(placed.rule, 2)) });

  layers.push({ name: "cta", svg: button(placed.cta, theme, inks, u), box: clip(inflate(placed.cta.box, (theme.ctaShadow ? 1 : 0.3) * u)) });

  if (placed.website) {
    layers.push({ name: "website", svg: textLines(placed.website, inks.label), box: clip(textBox(placed.website, u)), shadow: shadowOf(placed.website) });
  }
  return { layers };
}

function textLines(text: PlacedText, fill: string): string {
  const { block, style } = text;
  const anchor = text.anchor === "middle" ? ` text-anchor="middle"` : "";
  const spacing = style.letterSpacing !== 0 ? ` letter-spacing="${n(style.letterSpacing * block.fontSize)}"` : "";
  const attributes = `font-family="${style.face.family}" font-weight="${style.face.weight}" font-size="${n(block.fontSize)}"${spacing} fill="${fill}"${anchor}`;
  return block.lines
    .map((line, index) => {
      const baseline = text.top + block.firstBaseline + index * block.lineHeightPx;
      return `<text x="${n(text.x)}" y="${n(baseline)}" ${attributes}>${escapeXml(line.text)}</text>`;
    })
    .join("");
}

/** A single line of a placed block, as its own placed text. */
function lineOf(text: PlacedText, index: number): PlacedText {
  const { block } = text;
  const line = block.lines[index] ?? { text: "", width: 0 };
  const top = text.top + index * block.lineHeightPx;
  const oneLine = { ...block, lines: [line], width: line.width, height: block.height - (block.lines.length - 1) * block.lineHeightPx };
  return { ...text, block: oneLine, top, box: { x: text.anchor === "middle" ? text.x - line.width / 2 : text.x, y: top, w: line.width, h: oneLine.height } };
}

/** Room around glyphs for accents above capitals, descenders and a soft shadow. */
function textBox(text: PlacedText, unit: number): Box {
  const size = text.block.fontSize;
  const { box } = text;
  return { x: box.x - 0.15 * size - 2.5 * unit, y: box.y - 0.35 * size - 2.5 * unit, w: box.w + 0.3 * size + 5 * unit, h: box.h + 0.45 * size + 5 * unit };
}

function button(cta: PlacedContent["cta"], theme: Theme, inks: Inks, u: number): string {
  const { box } = cta;
  const radius = theme.ctaShape === "pill" ? box.h / 2 : theme.ctaShape === "rounded" ? 0.9 * u : 0;
  let svg = "";
  if (theme.ctaShadow) svg += rect({ ...box, x: box.x + 0.7 * u, y: box.y + 0.7 * u }, `fill="${mix(inks.ctaFill, "#000000", 0.55)}"`, radius);
  svg += rect(box, `fill="${inks.ctaFill}"`, radius);
  svg += textLines(cta.label, inks.ctaLabel);
  if (cta.arrow) {
    const { x, y, w, h } = cta.arrow;
    const stroke = n(Math.max(2, cta.label.block.fontSize * 0.12));
    const cy = y + h / 2;
    svg += `<path d="M${n(x)},${n(cy)} H${n(x + w)} M${n(x + w - h * 0.5)},${n(y)} L${n(x + w)},${n(cy)} L${n(x + w - h * 0.5)},${n(y + h)}" fill="none" stroke="${inks.ctaLabel}" stroke-width="${stroke}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
  return svg;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** Whole pixels inside the frame: video overlays are placed at integer offsets. */
function clipToFrame(box: Box, frame: Frame): Box {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(frame.width, Math.ceil(box.x + box.w));
  const bottom = Math.min(frame.height, Math.ceil(box.y + box.h));
  return { x, y, w: Math.max(1, right - x), h: Math.max(1, bottom - y) };
}
