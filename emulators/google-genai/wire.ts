/**
 * The parts of the Gemini API request bodies the emulator reads, as the SDK
 * sends them (camelCase JSON; `generationConfig` holds the config the SDK moved
 * out of `config`, `systemInstruction` sits at the top level).
 */
export type Part = { text?: string; thought?: boolean; inlineData?: { mimeType?: string; data?: string }; fileData?: unknown };
export type Content = { role?: string; parts?: Part[] };

export type GenerationConfig = {
  responseMimeType?: string;
  responseJsonSchema?: unknown;
  responseSchema?: unknown;
  responseModalities?: string[];
  imageConfig?: { aspectRatio?: string; imageSize?: string };
  candidateCount?: number;
};

export type GenerateContentBody = {
  contents?: Content[];
  systemInstruction?: Content;
  generationConfig?: GenerationConfig;
};

export type PredictLongRunningBody = {
  instances?: Array<{ prompt?: string; image?: unknown }>;
  parameters?: { aspectRatio?: string; durationSeconds?: number; resolution?: string; negativePrompt?: string; sampleCount?: number };
};

export function textOf(content: Content | undefined): string {
  return (content?.parts ?? []).map((part) => part.text ?? "").join("\n");
}

export function promptOf(body: GenerateContentBody): { text: string; images: number } {
  const parts = (body.contents ?? []).flatMap((content) => content.parts ?? []);
  return { text: parts.map((part) => part.text ?? "").join("\n"), images: parts.filter((part) => part.inlineData || part.fileData).length };
}

/** Gemini counts roughly four characters a token; an input image costs 258 tokens. */
export function estimateTokens(text: string, images = 0): number {
  return Math.ceil(text.length / 4) + images * 258;
}

/** True when the request asks for pictures: explicitly, or by naming an image model (which defaults to TEXT+IMAGE). */
export function wantsImage(model: string, config: GenerationConfig | undefined): boolean {
  const modalities = config?.responseModalities?.map((modality) => modality.toUpperCase());
  return modalities ? modalities.includes("IMAGE") : /image/.test(model);
}
