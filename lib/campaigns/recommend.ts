import "server-only";
import type { CampaignAudience, CampaignPurpose } from "@/db/schema";
import { aiFor } from "@/lib/ai";
import { brandContext } from "@/lib/brand/profile";
import { isPlacementId } from "./placements";

export type AudienceProposal = {
  /** Ready to save as the audience step once the user accepts it; countries are the ones passed in. */
  audience: CampaignAudience;
  /** The provider's plain-words explanation, shown next to the proposal. */
  reasoning: string;
};

const clampAge = (age: number) => Math.min(65, Math.max(18, Math.round(age)));

/**
 * The AI provider's targeting advice for this purpose and the user's brand, as
 * an audience the wizard can show and, if the user accepts, save. Nothing is
 * saved here. Placements outside the wizard's list are dropped; retargeting
 * keeps Advantage+ audience off, whatever the provider says, since the audience
 * step would refuse it. Provider failures surface as AiError with a message
 * written for the marketer.
 */
export async function recommendAudience(
  userId: string,
  purpose: CampaignPurpose,
  businessDescription?: string,
  options: { countries?: string[] } = {},
): Promise<AudienceProposal> {
  const countries = options.countries ?? [];
  const recommendation = await aiFor(userId).recommendStrategy({
    purpose,
    brand: await brandContext(userId),
    businessDescription: businessDescription?.trim() || undefined,
    country: countries.length === 1 ? countries[0] : undefined,
  });
  const [ageMin, ageMax] = [clampAge(recommendation.ageMin), clampAge(recommendation.ageMax)].sort((a, b) => a - b) as [number, number];
  return {
    audience: {
      countries,
      ageMin,
      ageMax,
      genders: recommendation.genders.length === 2 ? [] : [...new Set(recommendation.genders)],
      placements: [...new Set(recommendation.placements.filter(isPlacementId))],
      customAudienceIds: [],
      excludedAudienceIds: [],
      advantageAudience: purpose === "retargeting" ? false : recommendation.advantageAudience,
      ...(recommendation.interests.length > 0 ? { interests: recommendation.interests.slice(0, 25) } : {}),
    },
    reasoning: recommendation.reasoning,
  };
}
