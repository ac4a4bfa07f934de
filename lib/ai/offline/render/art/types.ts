import type { Frame, LayoutName } from "../layouts/types";
import type { Palette } from "../palette";
import type { Rng } from "../prng";
import type { Theme } from "../styles";
import type { Box } from "../svg";

export type ArtContext = {
  frame: Frame;
  palette: Palette;
  theme: Theme;
  layout: LayoutName;
  rng: Rng;
  /** Text sits here on bare canvas: shapes stay out (faint textures may cross). */
  keepClear: Box[];
  /** Where the art is most visible; decoration gathers here. */
  stage: Box;
};

/** Draws a style's backdrop: an SVG fragment in frame coordinates, starting with the canvas fill. */
export type Art = (context: ArtContext) => string;
