import "server-only";
import { z } from "zod";
import type { StrategyRecommendation, StrategyRequest, WithUsage } from "../types";
import { cleanList, cleanText, clipAtSentence } from "./clip";
import type { GoogleContext } from "./context";
import { PLACEMENTS, STRATEGY_SYSTEM, strategyPrompt } from "./strategy-prompt";
import { generateStructured } from "./structured";

/** Meta's targetable ages: 18 to 65, where 65 means "65+". */
const AGE = { min: 18, max: 65 } as const;

const strategySchema = z.object({
  // The bounds steer Gemini's output; out-of-range answers are clamped rather than refused.
  ageMin: z.number().meta({ minimum: AGE.min, maximum: AGE.max, description: "Youngest age to reach" }),
  ageMax: z.number().meta({ minimum: AGE.min, maximum: AGE.max, description: `Oldest age to reach (${AGE.max} means ${AGE.max} and over)` }),
  genders: z.array(z.enum(["male", "female"])).describe("Empty for everyone"),
  interests: z.array(z.string()).describe("3 to 8 broad Meta interests"),
  placements: z.array(z.enum(PLACEMENTS)).min(1),
  advantageAudience: z.boolean(),
  reasoning: z.string().describe("2 to 4 plain sentences for the marketer"),
});

const clampAge = (age: number) => Math.min(AGE.max, Math.max(AGE.min, Math.round(Number.isFinite(age) ? age : AGE.min)));

function normalise(raw: z.infer<typeof strategySchema>): StrategyRecommendation {
  const [ageMin, ageMax] = [clampAge(raw.ageMin), clampAge(raw.ageMax)].sort((a, b) => a - b) as [number, number];
  const genders = [...new Set(raw.genders)];
  return {
    ageMin,
    ageMax,
    // Both genders is the same audience as none, and Meta treats an empty list as "all".
    genders: genders.length === 2 ? [] : genders,
    interests: cleanList(raw.interests, 10, 60),
    placements: [...new Set(raw.placements)],
    advantageAudience: raw.advantageAudience,
    reasoning: clipAtSentence(cleanText(raw.reasoning), 800),
  };
}

export async function recommendStrategy(context: GoogleContext, request: StrategyRequest): Promise<WithUsage<StrategyRecommendation>> {
  const { result, usage } = await generateStructured(context, { schema: strategySchema, system: STRATEGY_SYSTEM, prompt: strategyPrompt(request), purpose: "planning your targeting" });
  return { result: normalise(result), usage };
}
