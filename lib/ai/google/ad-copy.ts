import "server-only";
import { z } from "zod";
import type { AdCopy, AdCopyRequest, CallToAction, WithUsage } from "../types";
import { AD_COPY_SYSTEM, adCopyPrompt, COPY_LIMITS } from "./ad-copy-prompt";
import { cleanText, clipAtSentence, clipAtWord } from "./clip";
import type { GoogleContext } from "./context";
import { generateStructured } from "./structured";

const CALL_TO_ACTIONS = ["LEARN_MORE", "SHOP_NOW", "SIGN_UP", "BOOK_NOW", "CONTACT_US", "DOWNLOAD", "GET_OFFER", "SUBSCRIBE"] as const satisfies readonly CallToAction[];
// Fails to compile when CallToAction gains a member the list above lacks.
const _everyCallToAction: Record<Exclude<CallToAction, (typeof CALL_TO_ACTIONS)[number]>, never> = {};

/** A model may be asked for up to this many variants in one call. */
const MAX_VARIANTS = 10;

function adCopySchema(count: number) {
  const variant = z.object({
    primaryText: z.string().describe(`Text above the image, at most ${COPY_LIMITS.primaryText} characters`),
    headline: z.string().describe(`At most ${COPY_LIMITS.headline} characters`),
    description: z.string().describe(`At most ${COPY_LIMITS.description} characters`),
    callToAction: z.enum(CALL_TO_ACTIONS),
  });
  // The item counts steer Gemini's constrained output; validation is looser (fewer are used, extras sliced off).
  return z.object({ variants: z.array(variant).min(1).meta({ minItems: count, maxItems: count, description: `${count} variants, each with a different angle` }) });
}

function normalise(variant: AdCopy): AdCopy {
  return {
    primaryText: clipAtSentence(cleanText(variant.primaryText), COPY_LIMITS.primaryText),
    headline: clipAtWord(cleanText(variant.headline), COPY_LIMITS.headline),
    description: clipAtWord(cleanText(variant.description), COPY_LIMITS.description),
    callToAction: variant.callToAction,
  };
}

export async function writeAdCopy(context: GoogleContext, request: AdCopyRequest): Promise<WithUsage<AdCopy[]>> {
  const count = Math.min(MAX_VARIANTS, Math.max(1, Math.floor(request.count)));
  const { result, usage } = await generateStructured(context, {
    schema: adCopySchema(count),
    system: AD_COPY_SYSTEM,
    prompt: adCopyPrompt(request, count),
    purpose: "writing your ad copy",
  });
  return { result: result.variants.slice(0, count).map(normalise), usage };
}
