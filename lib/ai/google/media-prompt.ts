import "server-only";
import type { AdFormat, BrandContext, ImageRequest, StylePreset, VideoRequest } from "../types";

const STYLE: Record<StylePreset, string> = {
  bold: "Bold and high-contrast: saturated colours, strong simple shapes and one confident focal point that stops the scroll.",
  minimal: "Minimal: generous empty space, a single subject, soft even light and a restrained palette.",
  elegant: "Elegant and premium: refined composition, soft directional light, rich textures and muted, luxurious tones.",
  playful: "Playful: bright cheerful colours, dynamic angles and a sense of fun and movement.",
  photographic: "Photographic realism: an authentic photo as if shot on a professional camera, true-to-life colours and a shallow depth of field.",
};

const FORMAT: Record<AdFormat, string> = {
  "1:1": "Square image for the Facebook and Instagram feeds.",
  "4:5": "Vertical 4:5 image for the Facebook and Instagram feeds. Keep the subject well inside the frame; the edges may be trimmed.",
  "9:16": "Full-screen vertical image for Stories and Reels. Keep the top 14% and bottom 20% free of anything important: the app's buttons cover them.",
  "16:9": "Landscape image for wide placements.",
};

/** Variants of one request must differ visibly, so each asks for another composition. */
const VARIANT = [
  "a clear hero shot of the subject",
  "a close-up that shows texture and detail",
  "the subject in use in a real, everyday setting",
  "a wider scene with the subject as the focal point",
  "an overhead or unusual angle",
  "a different time of day and lighting",
];

/** Where the headline and button will go, clear of each placement's covered areas. */
const TEXT_SPACE: Record<AdFormat, string> = {
  "1:1": "the lower third",
  "4:5": "the lower third",
  "9:16": "the middle of the lower half",
  "16:9": "the left or right third",
};

function brandDirection(brand: BrandContext | null): string[] {
  if (!brand) return [];
  const colors = brand.colors.slice(0, 3);
  return [
    colors.length > 0 && `Brand colours: ${colors.join(", ")} (primary first). Use them in props, clothing, backgrounds or light so the image feels on-brand, without flat colour blocks.`,
    brand.tone.length > 0 && `Mood: ${brand.tone.join(", ")}.`,
    brand.audience && `The people who should feel spoken to: ${brand.audience}`,
  ].filter((line): line is string => typeof line === "string");
}

export function imagePrompt(request: ImageRequest): string {
  return [
    "Create one advertising image for a Meta (Facebook and Instagram) ad.",
    `Subject: ${request.prompt}`,
    `Style: ${STYLE[request.style]}`,
    `Format: ${FORMAT[request.format]}`,
    `Composition: ${VARIANT[request.variant % VARIANT.length]}.`,
    ...brandDirection(request.brand),
    `Leave a calm, uncluttered area in ${TEXT_SPACE[request.format]}, with a simple background, where a headline${request.callToAction ? " and a button" : ""} will be added later.`,
    "Do not draw any text, letters, numbers, logos, watermarks, borders or interface elements.",
  ].join("\n");
}

export function videoPrompt(request: VideoRequest, aspectRatio: "16:9" | "9:16"): string {
  return [
    `A ${request.durationSeconds}-second ${aspectRatio === "9:16" ? "vertical" : "landscape"} video ad for Facebook and Instagram.`,
    `Scene: ${request.prompt}`,
    `Look: ${STYLE[request.style]}`,
    `Camera: ${VARIANT[request.variant % VARIANT.length]}, one continuous shot with a slow, smooth camera move; the subject is clear from the first second.`,
    ...brandDirection(request.brand),
    "Sound: a light ambient soundtrack that fits the scene, no voice-over and no lyrics.",
  ].join("\n");
}

/** Veo's negative prompt names what to leave out (no "no"/"don't", as Google's guide advises). */
export const VIDEO_NEGATIVE_PROMPT = "on-screen text, captions, subtitles, letters, logos, watermarks, distorted faces or hands, flicker, low quality";
