import "server-only";
import { startGeneration, type Started } from "@/lib/creatives/requests";
import { getBrandProfile } from "@/lib/brand/profile";
import { getDraft } from "./drafts";
import { formatsFor, type PlacementId } from "./placements";

/**
 * "Generate for this campaign": the Creative Studio job, with the shapes the
 * chosen placements need (Advantage+ placements get square and vertical), the
 * campaign's purpose for the copy, the brand kit when there is one, and the
 * campaign's name as a tag. Counts against the plan's allowance like any request.
 */
export async function generateForCampaign(userId: string, campaignId: string, prompt: string): Promise<Started | null> {
  const draft = await getDraft(userId, campaignId);
  if (!draft) return null;
  const placements = (draft.campaign.audience?.placements ?? []) as PlacementId[];
  const needed = placements.length ? [...new Set(placements.map((placement) => formatsFor(placement)[0]!))] : ["1:1", "9:16"];
  const brand = await getBrandProfile(userId);
  return startGeneration(userId, {
    kind: "image",
    prompt: prompt.trim() || draft.campaign.name,
    formats: needed,
    style: "bold",
    useBrand: Boolean(brand),
    variants: 1,
    tags: draft.campaign.name.slice(0, 32),
    purpose: draft.campaign.purpose,
  });
}
