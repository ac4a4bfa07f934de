import type { AssetFormat } from "@/db/schema";

/** How the Studio names each shape: the ratio, where it runs on Meta, and its pixel size. */
export const FORMAT_OPTIONS: Array<{ value: AssetFormat; label: string; where: string; size: string; box: string }> = [
  { value: "1:1", label: "Square 1:1", where: "Feed", size: "1080×1080", box: "h-6 w-6" },
  { value: "4:5", label: "Portrait 4:5", where: "Feed (more space)", size: "1080×1350", box: "h-6 w-[19px]" },
  { value: "9:16", label: "Vertical 9:16", where: "Stories and Reels", size: "1080×1920", box: "h-6 w-[14px]" },
  { value: "16:9", label: "Landscape 16:9", where: "In-stream, right column", size: "1920×1080", box: "h-[14px] w-6" },
];

export const STYLE_OPTIONS = [
  { value: "bold", label: "Bold", description: "Big type, strong colour blocks" },
  { value: "minimal", label: "Minimal", description: "Lots of space, one clear message" },
  { value: "elegant", label: "Elegant", description: "Serif type, calm and premium" },
  { value: "playful", label: "Playful", description: "Rounded shapes, bright and friendly" },
  { value: "photographic", label: "Photographic", description: "Soft photo-like backdrop" },
] as const;
