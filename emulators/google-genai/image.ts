import { invalidArgument } from "./errors";
import type { FaultPlan } from "./faults";
import { ASPECT_RATIOS, IMAGE_SIZES, imageDimensions, imageOutputTokens, OPTIONAL_RATIOS, type ImageSize } from "./image-sizes";
import { renderPicture } from "./picture";
import type { EmulatorSettings } from "./state";
import { responseId } from "./text";
import { estimateTokens, promptOf, textOf, type GenerateContentBody } from "./wire";

function checkedSize(value: string | undefined): ImageSize {
  if (value === undefined) return "1K";
  // Google wants the upper-case K; "1k" is refused.
  if (!(IMAGE_SIZES as readonly string[]).includes(value)) {
    throw invalidArgument(`* GenerateContentRequest.generation_config.image_config.image_size: Unsupported image size: ${value}. Supported values are ${IMAGE_SIZES.join(", ")}.\n`);
  }
  return value as ImageSize;
}

function checkedRatio(value: string | undefined, settings: EmulatorSettings): string {
  if (value === undefined) return "1:1";
  const allowed = settings.allowFourByFive ? ASPECT_RATIOS : ASPECT_RATIOS.filter((ratio) => !OPTIONAL_RATIOS.includes(ratio));
  if (!allowed.includes(value)) {
    throw invalidArgument(`* GenerateContentRequest.generation_config.image_config.aspect_ratio: Unsupported aspect ratio: ${value}. Supported aspect ratios are ${allowed.join(", ")}.\n`);
  }
  return value;
}

/**
 * generateContent for image models: one PNG part (plus a line of text when TEXT
 * is among the response modalities), sized from imageConfig as Google sizes it.
 */
export async function generateImage(model: string, body: GenerateContentBody, failure: FaultPlan["failure"], settings: EmulatorSettings): Promise<Response> {
  if (!/image/.test(model)) throw invalidArgument(`Model ${model} does not support the requested response modalities: image`);
  const config = body.generationConfig ?? {};
  const size = checkedSize(config.imageConfig?.imageSize);
  const aspectRatio = checkedRatio(config.imageConfig?.aspectRatio, settings);
  const dimensions = imageDimensions(aspectRatio, size);
  if (!dimensions) throw invalidArgument(`Unsupported aspect ratio: ${aspectRatio}`);
  const prompt = promptOf(body);
  if (!prompt.text.trim() && prompt.images === 0) throw invalidArgument("* GenerateContentRequest.contents: contents is not specified\n");
  const promptTokenCount = estimateTokens(`${textOf(body.systemInstruction)}${prompt.text}`, prompt.images);
  const meta = { modelVersion: model, responseId: responseId() };

  if (failure?.kind === "safety") {
    return Response.json({
      candidates: [
        {
          finishReason: "IMAGE_SAFETY",
          finishMessage: "Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt.",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount, totalTokenCount: promptTokenCount },
      ...meta,
    });
  }

  const png = await renderPicture(prompt.text, dimensions.width, dimensions.height).png().toBuffer();
  const withText = (config.responseModalities ?? ["TEXT", "IMAGE"]).some((modality) => modality.toUpperCase() === "TEXT");
  const imageTokens = imageOutputTokens(size);
  const textPart = { text: "Here is the image you asked for." };
  const candidatesTokenCount = imageTokens + (withText ? estimateTokens(textPart.text) : 0);
  return Response.json({
    candidates: [
      {
        content: { parts: [...(withText ? [textPart] : []), { inlineData: { mimeType: "image/png", data: png.toString("base64") } }], role: "model" },
        finishReason: "STOP",
        index: 0,
      },
    ],
    usageMetadata: {
      promptTokenCount,
      candidatesTokenCount,
      totalTokenCount: promptTokenCount + candidatesTokenCount,
      promptTokensDetails: [{ modality: "TEXT", tokenCount: promptTokenCount }],
      candidatesTokensDetails: [{ modality: "IMAGE", tokenCount: imageTokens }],
    },
    ...meta,
  });
}
