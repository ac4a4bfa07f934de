import "server-only";
import type { ImageRequest } from "@/lib/ai/types";
import { ART } from "./art";
import { stackContent, type ContentText, type PlacedContent } from "./content-stack";
import { ctaLabel, displayWebsite, headlineFromPrompt } from "./copy";
import { FALLBACK_FACE, fontFilePath } from "./fonts";
import { chooseInks, foregroundLayers, type Foreground, type Inks } from "./foreground";
import { frameFor, LAYOUTS, type Frame, type LayoutName } from "./layouts";
import type { PreparedLogo } from "./logo";
import { buildPalette, type Palette } from "./palette";
import { createRng, hashSeed } from "./prng";
import { surfaceColor, themeFor, type Theme } from "./styles";
import { prepareText } from "./text-layout";

/**
 * One creative, fully decided but not yet drawn: the art, the layout's panels and
 * the foreground layers as SVG, plus what rendering them needs.
 */
export type Design = {
  frame: Frame;
  theme: Theme;
  palette: Palette;
  layout: LayoutName;
  /** Backdrop decoration, drawn at `theme.artScale`. */
  art: string;
  /** Panels, bands and scrims between the art and the text. */
  structure: string;
  foreground: Foreground;
  placed: PlacedContent;
  /** The colour under the text (after any scrim) and the inks chosen for it. */
  surface: string;
  inks: Inks;
  /** TTF paths resvg must load to draw the text. */
  fontFiles: string[];
  /** Centre of the content, as a fraction of the frame: where a slow zoom should head. */
  focus: { x: number; y: number };
};

/** "main" is the creative itself; "end" is a video's closing card (logo, name, button). */
export type DesignKind = "main" | "end";

export function composeDesign(request: ImageRequest, logo: PreparedLogo | null, kind: DesignKind = "main"): Design {
  const brand = request.brand;
  // The palette ignores format and variant: every placement and variant of one
  // request should look like the same campaign.
  const campaign = hashSeed(request.seed, request.prompt, request.style, brand?.name ?? "", (brand?.colors ?? []).join(","));
  const palette = buildPalette(brand, request.style, createRng(hashSeed(campaign, "palette")));
  const base = hashSeed(campaign, request.format, request.headline ?? "", request.callToAction ?? "");
  const theme = themeFor(request.style, palette);
  const frame = frameFor(request.format);
  const rng = createRng(hashSeed(base, request.variant, kind));

  const order = theme.layouts;
  const variant = Math.max(0, Math.floor(request.variant));
  const layout: LayoutName = kind === "end" ? "centered" : (order[variant % order.length] as LayoutName);
  const mirrored = (Math.floor(variant / order.length) + (base & 1)) % 2 === 1;
  const placement = LAYOUTS[layout]({ frame, theme, mirrored });

  // Copy the bundled fonts cannot draw at all (emoji only, CJK) gives way to the next best words.
  const drawable = (style: Theme["headline"], ...candidates: Array<string | undefined>) =>
    candidates.find((text) => text?.trim() && prepareText(text, style) !== "") ?? "";
  const headline = drawable(theme.headline, request.headline, headlineFromPrompt(request.prompt, brand), headlineFromPrompt("", brand), "Discover something new");
  const cta = drawable(theme.cta, ctaLabel(request.callToAction), ctaLabel(undefined));
  const brandName = brand?.name?.trim() || undefined;
  const website = displayWebsite(brand?.websiteUrl);
  const content: ContentText =
    kind === "end"
      ? { headline: drawable(theme.headline, brandName, headline), cta, website, logo }
      : { headline, cta, brandName, website, logo };
  const placed = stackContent(frame, placement, theme, content, kind === "end" ? { logoHeight: 11, headlineMax: 8 } : {});

  const surface = surfaceColor(theme, placement.surface);
  const inks = chooseInks(theme, surface);
  const art = ART[request.style]({
    frame,
    palette,
    theme,
    layout,
    rng: rng.fork("art"),
    keepClear: placement.keepClear(placed.bounds),
    stage: placement.stage,
  });
  const faces = [theme.headline.face, theme.label.face, theme.cta.face, FALLBACK_FACE];
  return {
    frame,
    theme,
    palette,
    layout,
    art,
    structure: placement.structure(placed.bounds),
    foreground: foregroundLayers(frame, theme, placed, inks, surface, logo),
    placed,
    surface,
    inks,
    fontFiles: [...new Set(faces.map(fontFilePath))],
    focus: {
      x: (placed.bounds.x + placed.bounds.w / 2) / frame.width,
      y: (placed.bounds.y + placed.bounds.h / 2) / frame.height,
    },
  };
}
