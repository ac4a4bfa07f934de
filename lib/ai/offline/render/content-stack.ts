import "server-only";
import type { Frame, Placement } from "./layouts/types";
import type { PreparedLogo } from "./logo";
import type { Theme } from "./styles";
import type { Box } from "./svg";
import { fitText, type TextBlock, type TextStyle } from "./text-layout";

/**
 * Sizes and positions the content inside a layout's column: brand row, headline,
 * optional rule, button and website, top to bottom (or headline beside button in
 * a "row"). Every text block is fitted to the room left for it, so the stack
 * never outgrows the column.
 */

export type ContentText = {
  headline: string;
  cta: string;
  brandName?: string;
  website?: string;
  logo: PreparedLogo | null;
};

export type PlacedText = {
  block: TextBlock;
  style: TextStyle;
  /** Left edge for "start", centre for "middle". */
  x: number;
  top: number;
  anchor: "start" | "middle";
  box: Box;
};

export type PlacedContent = {
  brand?: { box: Box; logo?: Box; name?: PlacedText };
  headline: PlacedText;
  rule?: Box;
  cta: { box: Box; label: PlacedText; arrow?: Box };
  website?: PlacedText;
  /** Union of everything above. */
  bounds: Box;
};

export type StackOptions = {
  /** Logo height in frame units (end cards show it larger). */
  logoHeight?: number;
  /** Overrides the theme's largest headline size, in frame units. */
  headlineMax?: number;
};

export function stackContent(frame: Frame, placement: Placement, theme: Theme, content: ContentText, options: StackOptions = {}): PlacedContent {
  const u = frame.unit;
  const column = placement.column;
  const maxLines = frame.shape === "landscape" ? 4 : frame.shape === "square" ? 5 : 6;
  const gaps = { brand: 4.5 * u, rule: 3 * u, cta: 4.5 * u, website: 2.4 * u };

  let brand = measureBrand(content, theme, column.w, u, options.logoHeight ?? 6.5);
  const cta = measureCta(content.cta, theme, placement.arrangement === "row" ? column.w * 0.4 : column.w, u);
  let website = content.website ? fitText(content.website, theme.label, { maxWidth: placement.arrangement === "row" ? column.w * 0.4 : column.w, maxHeight: 4 * u, maxSize: 2.4 * u, minSize: 1.7 * u, maxLines: 1 }) : undefined;
  const ruleHeight = theme.rule ? Math.max(2, 0.3 * u) : 0;

  const headlineRoom = () => {
    const above = brand ? brand.height + gaps.brand : 0;
    if (placement.arrangement === "row") return column.h - above;
    const rule = theme.rule ? ruleHeight + gaps.rule : 0;
    return column.h - above - rule - gaps.cta - cta.height - (website ? gaps.website + website.height : 0);
  };
  // A cramped column gives up the small print before the headline gets too small.
  if (headlineRoom() < 12 * u) website = undefined;
  if (headlineRoom() < 12 * u) brand = undefined;

  const headlineWidth = placement.arrangement === "row" ? column.w - Math.max(cta.width, website?.width ?? 0) - 6 * u : column.w;
  const headline = fitText(content.headline, theme.headline, {
    maxWidth: headlineWidth,
    maxHeight: Math.max(headlineRoom(), 4 * u),
    maxSize: (options.headlineMax ?? theme.headlineMax) * u,
    minSize: 3.8 * u,
    maxLines,
    balance: true,
  });

  const anchor = placement.align;
  // Left edge of the column, or its centre line when centring.
  const anchorX = anchor === "middle" ? column.x + column.w / 2 : column.x;
  const boxFor = (x: number, top: number, width: number, height: number): Box => ({ x: anchor === "middle" ? x - width / 2 : x, y: top, w: width, h: height });
  const place = (block: TextBlock, style: TextStyle, top: number, x = anchorX, at: "start" | "middle" = anchor): PlacedText => ({
    block,
    style,
    x,
    top,
    anchor: at,
    box: { x: at === "middle" ? x - block.width / 2 : x, y: top, w: block.width, h: block.height },
  });

  if (placement.arrangement === "row") {
    const leftHeight = (brand ? brand.height + gaps.brand : 0) + headline.height;
    const rightHeight = cta.height + (website ? gaps.website + website.height : 0);
    const leftTop = alignTop(column, Math.max(leftHeight, rightHeight), placement.vAlign) + Math.max(0, (rightHeight - leftHeight) / 2);
    const placedBrand = brand ? placeBrand(brand, column.x, leftTop, "start", theme) : undefined;
    const headlineTop = leftTop + (brand ? brand.height + gaps.brand : 0);
    const placedHeadline = place(headline, theme.headline, headlineTop, column.x, "start");
    const right = column.x + column.w;
    const ctaTop = headlineTop + headline.height / 2 - rightHeight / 2;
    const ctaBox: Box = { x: right - cta.width, y: ctaTop, w: cta.width, h: cta.height };
    const placedWebsite = website ? place(website, theme.label, ctaTop + cta.height + gaps.website, right - website.width, "start") : undefined;
    return finish({ brand: placedBrand, headline: placedHeadline, cta: placeCta(cta, ctaBox, theme), website: placedWebsite });
  }

  const total =
    (brand ? brand.height + gaps.brand : 0) + headline.height + (theme.rule ? gaps.rule + ruleHeight : 0) + gaps.cta + cta.height + (website ? gaps.website + website.height : 0);
  let y = alignTop(column, total, placement.vAlign);
  const placedBrand = brand ? placeBrand(brand, anchorX, y, anchor, theme) : undefined;
  if (brand) y += brand.height + gaps.brand;
  const placedHeadline = place(headline, theme.headline, y);
  y += headline.height;
  let rule: Box | undefined;
  if (theme.rule) {
    const ruleWidth = 9 * u;
    rule = boxFor(anchorX, y + gaps.rule, ruleWidth, ruleHeight);
    y += gaps.rule + ruleHeight;
  }
  y += gaps.cta;
  const ctaBox = boxFor(anchorX, y, cta.width, cta.height);
  y += cta.height;
  const placedWebsite = website ? place(website, theme.label, y + gaps.website) : undefined;
  return finish({ brand: placedBrand, headline: placedHeadline, rule, cta: placeCta(cta, ctaBox, theme), website: placedWebsite });
}

function alignTop(column: Box, height: number, vAlign: Placement["vAlign"]): number {
  if (vAlign === "top") return column.y;
  if (vAlign === "bottom") return column.y + column.h - height;
  return column.y + (column.h - height) / 2;
}

type MeasuredBrand = { width: number; height: number; logo?: { w: number; h: number }; name?: TextBlock };

function measureBrand(content: ContentText, theme: Theme, maxWidth: number, u: number, logoHeight: number): MeasuredBrand | undefined {
  const gap = 1.8 * u;
  let logo: { w: number; h: number } | undefined;
  if (content.logo) {
    let h = logoHeight * u;
    let w = h * content.logo.aspect;
    const widest = Math.min(logoHeight * 4.5 * u, maxWidth * (content.brandName ? 0.45 : 1));
    if (w > widest) {
      w = widest;
      h = w / content.logo.aspect;
    }
    logo = { w, h };
  }
  const nameRoom = maxWidth - (logo ? logo.w + gap : 0);
  const name =
    content.brandName && nameRoom > 6 * u
      ? fitText(content.brandName, theme.label, { maxWidth: nameRoom, maxHeight: 6 * u, maxSize: (logo ? 3 : 3.6) * u, minSize: 1.8 * u, maxLines: 1 })
      : undefined;
  if (!logo && !name?.lines.length) return undefined;
  const nameWidth = name?.lines.length ? name.width : 0;
  return {
    width: (logo?.w ?? 0) + (logo && nameWidth ? gap : 0) + nameWidth,
    height: Math.max(logo?.h ?? 0, name?.height ?? 0),
    logo,
    name: name?.lines.length ? name : undefined,
  };
}

function placeBrand(brand: MeasuredBrand, x: number, top: number, anchor: "start" | "middle", theme: Theme): NonNullable<PlacedContent["brand"]> {
  const left = anchor === "middle" ? x - brand.width / 2 : x;
  const box: Box = { x: left, y: top, w: brand.width, h: brand.height };
  const logo = brand.logo ? { x: left, y: top + (brand.height - brand.logo.h) / 2, w: brand.logo.w, h: brand.logo.h } : undefined;
  let name: PlacedText | undefined;
  if (brand.name) {
    const nameX = left + (logo ? brand.width - brand.name.width : 0);
    const nameTop = top + (brand.height - brand.name.height) / 2;
    name = { block: brand.name, style: theme.label, x: nameX, top: nameTop, anchor: "start", box: { x: nameX, y: nameTop, w: brand.name.width, h: brand.name.height } };
  }
  return { box, logo, name };
}

type MeasuredCta = { label: TextBlock; width: number; height: number; padX: number; arrow: number };

function measureCta(label: string, theme: Theme, maxWidth: number, u: number): MeasuredCta {
  const probe = 3.3 * u;
  const arrowFor = (size: number) => (theme.ctaArrow ? size * 1.45 : 0);
  const fitted = fitText(label, theme.cta, { maxWidth: maxWidth - 2.6 * probe - arrowFor(probe), maxHeight: 5 * u, maxSize: probe, minSize: 2.2 * u, maxLines: 1 });
  const size = fitted.fontSize;
  const padX = size * 1.3;
  const arrow = arrowFor(size);
  return { label: fitted, padX, arrow, width: 2 * padX + fitted.width + arrow, height: Math.round(size * 2.75) };
}

function placeCta(cta: MeasuredCta, box: Box, theme: Theme): PlacedContent["cta"] {
  const size = cta.label.fontSize;
  // Capitals centred in the button: the baseline sits half a cap height below the middle.
  const labelTop = box.y + (box.h - cta.label.firstBaseline) / 2;
  const labelX = box.x + cta.padX;
  const label: PlacedText = {
    block: cta.label,
    style: theme.cta,
    x: labelX,
    top: labelTop,
    anchor: "start",
    box: { x: labelX, y: labelTop, w: cta.label.width, h: cta.label.height },
  };
  const arrow = cta.arrow > 0 ? { x: labelX + cta.label.width + size * 0.55, y: box.y + box.h / 2 - size * 0.4, w: size * 0.9, h: size * 0.8 } : undefined;
  return { box, label, arrow };
}

function finish(parts: Omit<PlacedContent, "bounds">): PlacedContent {
  const boxes = [parts.brand?.box, parts.headline.box, parts.rule, parts.cta.box, parts.website?.box].filter((box): box is Box => !!box && box.w > 0);
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const bottom = Math.max(...boxes.map((box) => box.y + box.h));
  return { ...parts, bounds: { x: left, y: top, w: right - left, h: bottom - top } };
}
