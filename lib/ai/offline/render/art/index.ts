import type { StylePreset } from "@/lib/ai/types";
import { boldArt } from "./bold";
import { elegantArt } from "./elegant";
import { minimalArt } from "./minimal";
import { photographicArt } from "./photographic";
import { playfulArt } from "./playful";
import type { Art } from "./types";

export const ART: Record<StylePreset, Art> = {
  bold: boldArt,
  minimal: minimalArt,
  elegant: elegantArt,
  playful: playfulArt,
  photographic: photographicArt,
};

export type { Art, ArtContext } from "./types";
