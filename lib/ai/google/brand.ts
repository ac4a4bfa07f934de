import "server-only";
import { z } from "zod";
import type { BrandAnalysis, SiteExtract, WithUsage } from "../types";
import { cleanList, cleanText, clipAtSentence, clipAtWord, hexColors } from "./clip";
import type { GoogleContext } from "./context";
import { BRAND_SYSTEM, brandPrompt } from "./brand-prompt";
import { generateStructured } from "./structured";

const brandSchema = z.object({
  name: z.string().describe("The business name as customers know it"),
  summary: z.string().describe("2 to 3 sentences: what the business offers, to whom, and what sets it apart"),
  tone: z.array(z.string()).min(1).describe("3 to 5 adjectives for the brand voice"),
  audience: z.string().describe("One sentence: who buys and what they want"),
  valuePropositions: z.array(z.string()).min(1).describe("3 to 5 customer benefits, each at most 80 characters"),
  wordsToUse: z.array(z.string()).describe("5 to 10 characteristic words or short phrases"),
  wordsToAvoid: z.array(z.string()).describe("3 to 8 words or phrases that clash with the brand"),
  colors: z.array(z.string()).describe("2 to 5 hex colours like #1a2b3c, primary first"),
});

/** The site's own colours, for when the model offers none that parse. */
function extractedColors(site: SiteExtract): string[] {
  return hexColors([...(site.themeColor ? [site.themeColor] : []), ...site.palette.map((entry) => entry.color)]).slice(0, 5);
}

function normalise(raw: z.infer<typeof brandSchema>, site: SiteExtract): BrandAnalysis {
  const colors = hexColors(raw.colors).slice(0, 5);
  return {
    name: clipAtWord(cleanText(raw.name), 80) || site.siteName || site.title || new URL(site.url).hostname,
    summary: clipAtSentence(cleanText(raw.summary), 600),
    tone: cleanList(raw.tone, 5, 30).map((word) => word.toLowerCase()),
    audience: clipAtSentence(cleanText(raw.audience), 300),
    valuePropositions: cleanList(raw.valuePropositions, 5, 80),
    wordsToUse: cleanList(raw.wordsToUse, 10, 40),
    wordsToAvoid: cleanList(raw.wordsToAvoid, 8, 40),
    colors: colors.length > 0 ? colors : extractedColors(site),
  };
}

export async function analyzeBrand(context: GoogleContext, site: SiteExtract): Promise<WithUsage<BrandAnalysis>> {
  const { result, usage } = await generateStructured(context, { schema: brandSchema, system: BRAND_SYSTEM, prompt: brandPrompt(site), purpose: "analysing your website" });
  return { result: normalise(result, site), usage };
}
