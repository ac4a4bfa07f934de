import { band } from "./band";
import { card } from "./card";
import { centered } from "./centered";
import { diagonal } from "./diagonal";
import { split } from "./split";
import type { Layout, LayoutName } from "./types";

export const LAYOUTS: Record<LayoutName, Layout> = { centered, split, band, diagonal, card };

export { frameFor } from "./frame";
export { LAYOUT_NAMES, type Frame, type Layout, type LayoutInput, type LayoutName, type Placement } from "./types";
