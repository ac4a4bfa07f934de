import "server-only";
import type { GenerateContentResponse } from "@google/genai";
import { z } from "zod";
import { AiError } from "../errors";
import type { WithUsage } from "../types";
import { callGoogle, type GoogleContext } from "./context";
import { refusalReason, safetyBlocked } from "./safety";
import { addTokens, tokensOf, type TokenCount } from "./usage";

export type StructuredRequest<T> = {
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  /** what the call is for, in the words of the failure message ("analysing your website") */
  purpose: string;
};

/** The schema as Gemini's responseJsonSchema; `$schema` is dropped because Google does not need it. */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  return jsonSchema;
}

function answerText(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .filter((part) => !part.thought && typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}

/** JSON.parse that tolerates a Markdown fence around the document, which some models add. */
function parseJson(text: string): unknown {
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, "$1");
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}

/**
 * Asks the text model for a JSON document matching `schema` and validates it.
 * Gemini constrains its output to the schema, but an answer can still be cut off
 * or off-schema: that is asked once more, then reported as invalid_output.
 * Usage counts every answer Google billed, including a discarded first one.
 */
export async function generateStructured<T>(context: GoogleContext, request: StructuredRequest<T>): Promise<WithUsage<T>> {
  const model = context.models.text;
  const jsonSchema = responseJsonSchema(request.schema);
  let tokens: TokenCount = { inputTokens: 0, outputTokens: 0 };
  for (let round = 1; round <= 2; round++) {
    const response = await callGoogle(context, () =>
      context.ai.models.generateContent({
        model,
        contents: request.prompt,
        // Temperature stays at Gemini 3's default (1.0): Google warns lower values can make it loop.
        config: { systemInstruction: request.system, responseMimeType: "application/json", responseJsonSchema: jsonSchema },
      }),
    );
    tokens = addTokens(tokens, tokensOf(response.usageMetadata));
    const refusal = refusalReason(response);
    if (refusal) throw safetyBlocked("text", refusal);
    const parsed = request.schema.safeParse(parseJson(answerText(response)));
    if (parsed.success) return { result: parsed.data, usage: { model, ...tokens } };
  }
  throw new AiError("invalid_output", `Google's AI gave an unusable answer twice while ${request.purpose}. Please try again.`);
}
