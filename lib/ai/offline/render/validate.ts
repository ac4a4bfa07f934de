import { AiError } from "@/lib/ai/errors";
import { FORMAT_SIZES, STYLE_PRESETS, type ImageRequest, type VideoRequest } from "@/lib/ai/types";

/** Requests arrive from jobs as JSON; a bad format or style is the caller's mistake, said plainly. */
export function assertRenderable(request: ImageRequest | VideoRequest): void {
  if (!Object.hasOwn(FORMAT_SIZES, request.format)) throw new AiError("invalid_request", `Unsupported ad format "${request.format}".`);
  if (!STYLE_PRESETS.includes(request.style)) throw new AiError("invalid_request", `Unknown style "${request.style}".`);
  if (!Number.isFinite(request.seed) || !Number.isFinite(request.variant)) {
    throw new AiError("invalid_request", "Seed and variant must be numbers.");
  }
}
