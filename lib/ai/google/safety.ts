import "server-only";
import type { GenerateContentResponse } from "@google/genai";
import { AiError } from "../errors";

/** Finish reasons that mean Google withheld the output (policy, safety, recitation). */
const WITHHELD = new Set(["SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_RECITATION"]);

/** Why Google refused: the prompt's blockReason or the candidate's finishReason; undefined when it did not. */
export function refusalReason(response: GenerateContentResponse): string | undefined {
  const blocked = response.promptFeedback?.blockReason;
  if (blocked) return String(blocked);
  const finish = response.candidates?.[0]?.finishReason;
  return finish && WITHHELD.has(String(finish)) ? String(finish) : undefined;
}

const MESSAGES = {
  text: "Google's AI declined to write this because of its safety rules. Try rewording your description.",
  image: "Google's AI declined to create this image because of its safety rules. Try describing it differently, without real people, brands or sensitive topics.",
  video: "Google declined to make this video because of its safety rules. Try describing the scene differently, without real people, brands or sensitive topics.",
} as const;

export function safetyBlocked(subject: keyof typeof MESSAGES, reason: string): AiError {
  return new AiError("safety_blocked", MESSAGES[subject], { providerMessage: reason.slice(0, 500) });
}
