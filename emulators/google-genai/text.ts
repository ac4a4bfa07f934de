import { randomBytes } from "node:crypto";
import { invalidArgument } from "./errors";
import type { FaultPlan } from "./faults";
import { documentFor, offSchemaDocument } from "./schema-document";
import { hashText, phrase, seededRandom } from "./seeded";
import { estimateTokens, promptOf, textOf, type GenerateContentBody } from "./wire";

const MIME_TYPES = ["text/plain", "application/json", "text/x.enum"];

export const responseId = () => randomBytes(16).toString("base64url").slice(0, 22);

/** The safety ratings Gemini attaches to a prompt it blocks. */
export const BLOCKED_RATINGS = [
  { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_HATE_SPEECH", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" },
  { category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true },
];

/**
 * generateContent for text models. Answers are deterministic from the model,
 * system instruction and prompt; in JSON mode they conform to the schema given
 * (responseJsonSchema or responseSchema), unless a fault says otherwise.
 */
export function generateText(model: string, body: GenerateContentBody, failure: FaultPlan["failure"]): Response {
  const config = body.generationConfig ?? {};
  const mimeType = config.responseMimeType ?? "text/plain";
  if (!MIME_TYPES.includes(mimeType)) {
    throw invalidArgument(`* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are ${MIME_TYPES.map((type) => `\`${type}\``).join(", ")}.\n`);
  }
  const schema = config.responseJsonSchema ?? config.responseSchema;
  if (schema !== undefined && mimeType !== "application/json") {
    throw invalidArgument("* GenerateContentRequest.generation_config.response_mime_type: must be application/json when a response schema is set.\n");
  }
  const system = textOf(body.systemInstruction);
  const prompt = promptOf(body);
  const promptTokenCount = estimateTokens(`${system}${prompt.text}`, prompt.images);
  const meta = { modelVersion: model, responseId: responseId() };

  if (failure?.kind === "safety") {
    return Response.json({ promptFeedback: { blockReason: "SAFETY", safetyRatings: BLOCKED_RATINGS }, usageMetadata: { promptTokenCount, totalTokenCount: promptTokenCount }, ...meta });
  }

  const random = seededRandom(hashText(`${model}\n${system}\n${prompt.text}`));
  let text: string;
  let finishReason = "STOP";
  if (mimeType === "application/json") {
    const document = schema === undefined ? { text: phrase(random, 8) } : documentFor(schema, random);
    text = JSON.stringify(failure?.kind === "off_schema" ? offSchemaDocument(document) : document);
  } else {
    text = Array.from({ length: 3 }, () => `${phrase(random, 6 + Math.floor(random() * 8))}.`).join(" ");
  }
  if (failure?.kind === "malformed_json") {
    // What a model that ran out of output tokens returns: the document cut off.
    text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    finishReason = "MAX_TOKENS";
  }

  const candidatesTokenCount = estimateTokens(text);
  return Response.json({
    candidates: [{ content: { parts: [{ text }], role: "model" }, finishReason, index: 0 }],
    usageMetadata: {
      promptTokenCount,
      candidatesTokenCount,
      totalTokenCount: promptTokenCount + candidatesTokenCount,
      promptTokensDetails: [{ modality: "TEXT", tokenCount: promptTokenCount }],
    },
    ...meta,
  });
}
