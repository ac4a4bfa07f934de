import "server-only";
import sharp from "sharp";
import { AiError, isAiError } from "../errors";
import { FORMAT_SIZES, type AdFormat, type GeneratedImage, type ImageRequest, type WithUsage } from "../types";
import { callGoogle, type GoogleContext } from "./context";
import { imagePrompt } from "./media-prompt";
import { refusalReason, safetyBlocked } from "./safety";
import { addTokens, tokensOf, type TokenCount } from "./usage";

/**
 * Google's 1K sizes have a long side of 1024 to 1376 px: close enough to Meta's
 * 1080 px square, too small for 1920 px stories and landscapes and the 1350 px 4:5.
 */
const IMAGE_SIZE: Record<AdFormat, "1K" | "2K"> = { "1:1": "1K", "16:9": "2K", "9:16": "2K", "4:5": "2K" };

/** 4:5 is not in every model's list; 3:4 is the nearest documented ratio and crops to 4:5 losing 6% of the height. */
const FALLBACK_RATIO: Partial<Record<AdFormat, string>> = { "4:5": "3:4" };

type Picture = { bytes: Buffer; tokens: TokenCount };

function isRatioRefusal(error: unknown): boolean {
  return isAiError(error) && error.kind === "invalid_request" && error.details?.status === 400 && /aspect[\s_-]?ratio|\b4:5\b/i.test(error.details.providerMessage ?? "");
}

/** One picture at `aspectRatio`; an answer without one is asked for once more. */
async function generatePicture(context: GoogleContext, request: ImageRequest, aspectRatio: string): Promise<Picture> {
  const model = context.models.image;
  let tokens: TokenCount = { inputTokens: 0, outputTokens: 0 };
  for (let round = 1; round <= 2; round++) {
    const response = await callGoogle(context, () =>
      context.ai.models.generateContent({
        model,
        contents: imagePrompt(request),
        config: {
          responseModalities: ["IMAGE"],
          imageConfig: { aspectRatio, imageSize: IMAGE_SIZE[request.format] },
          // generationConfig.seed is an int32.
          seed: Math.abs(Math.trunc(request.seed)) % 2_147_483_647,
        },
      }),
    );
    tokens = addTokens(tokens, tokensOf(response.usageMetadata));
    const refusal = refusalReason(response);
    if (refusal) throw safetyBlocked("image", refusal);
    const data = response.candidates?.[0]?.content?.parts?.find((part) => part.inlineData?.data)?.inlineData?.data;
    if (data) return { bytes: Buffer.from(data, "base64"), tokens };
  }
  throw new AiError("invalid_output", "Google's image model answered without a picture twice. Try describing the image differently.");
}

/**
 * One creative at exactly FORMAT_SIZES[format]. When the model refuses 4:5, the
 * picture is made at 3:4 and cropped; the refusal is remembered per model so
 * later 4:5 requests skip the failing call.
 */
export async function generateImage(context: GoogleContext, request: ImageRequest): Promise<WithUsage<GeneratedImage>> {
  const model = context.models.image;
  const fallback = FALLBACK_RATIO[request.format];
  const refused = `${model} ${request.format}`;
  let picture: Picture;
  if (fallback && context.refusedRatios.has(refused)) {
    picture = await generatePicture(context, request, fallback);
  } else {
    try {
      picture = await generatePicture(context, request, request.format);
    } catch (error) {
      if (!fallback || !isRatioRefusal(error)) throw error;
      context.refusedRatios.add(refused);
      picture = await generatePicture(context, request, fallback);
    }
  }
  const { width, height } = FORMAT_SIZES[request.format];
  // `cover` scales to fill and crops the centre: the 3:4 → 4:5 crop and any rounding in one step.
  const bytes = await sharp(picture.bytes)
    .resize(width, height, { fit: "cover", position: "centre" })
    .jpeg({ quality: 90, chromaSubsampling: "4:4:4", mozjpeg: true })
    .toBuffer();
  return { result: { bytes, mimeType: "image/jpeg", width, height }, usage: { model, images: 1, ...picture.tokens } };
}
