import type { AdFormat } from "@/lib/ai/types";
import type { Theme } from "../styles";
import type { Box } from "../svg";

export const LAYOUT_NAMES = ["centered", "split", "band", "diagonal", "card"] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** The canvas a layout works in. */
export type Frame = {
  format: AdFormat;
  width: number;
  height: number;
  /** A hundredth of the short side: every size in a layout is a multiple of it. */
  unit: number;
  /** Where text, logo and button may go: margins, and for 9:16 the Stories/Reels UI zones. */
  safe: Box;
  shape: "landscape" | "square" | "portrait";
};

export type LayoutInput = {
  frame: Frame;
  theme: Theme;
  /** Flip left/right (or top/bottom), so later variants differ from earlier ones. */
  mirrored: boolean;
};

/** Where a layout puts the content, and what it draws around it. */
export type Placement = {
  /** The box the content stack fills. */
  column: Box;
  align: "start" | "middle";
  vAlign: "top" | "center" | "bottom";
  /** "row" sets the button beside the headline (wide bands). */
  arrangement: "stack" | "row";
  /** What the text sits on, for choosing inks. */
  surface: "canvas" | "panel";
  /** Panels, bands, scrims: drawn over the art and under the text, given the content's final bounds. */
  structure(content: Box): string;
  /** Regions the art must leave calm, given the content's bounds. */
  keepClear(content: Box): Box[];
  /** Where the art is seen best; decoration gathers here. */
  stage: Box;
};

export type Layout = (input: LayoutInput) => Placement;
