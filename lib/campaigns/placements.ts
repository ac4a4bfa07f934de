import "server-only";
import { PLACEMENT_IDS, type AdFormat } from "@/lib/ai/types";

/** Placement ids as the AI strategy prompts name them: one list, in the provider contract. */
export { PLACEMENT_IDS };
export type PlacementId = (typeof PLACEMENT_IDS)[number];

/** Placements that share a shape; a problem is reported once per group. */
type PlacementGroup = "feeds" | "vertical" | "square" | "audience_network";

type PlacementSpec = {
  label: string;
  /** Meta's targeting.publisher_platforms value and the position within it (targeting.<platform>_positions). */
  platform: "facebook" | "instagram" | "messenger" | "audience_network";
  position: string;
  group: PlacementGroup;
};

export const PLACEMENTS: Record<PlacementId, PlacementSpec> = {
  facebook_feed: { label: "Facebook Feed", platform: "facebook", position: "feed", group: "feeds" },
  facebook_stories: { label: "Facebook Stories", platform: "facebook", position: "story", group: "vertical" },
  facebook_reels: { label: "Facebook Reels", platform: "facebook", position: "facebook_reels", group: "vertical" },
  facebook_marketplace: { label: "Facebook Marketplace", platform: "facebook", position: "marketplace", group: "square" },
  instagram_feed: { label: "Instagram Feed", platform: "instagram", position: "stream", group: "feeds" },
  instagram_stories: { label: "Instagram Stories", platform: "instagram", position: "story", group: "vertical" },
  instagram_reels: { label: "Instagram Reels", platform: "instagram", position: "reels", group: "vertical" },
  instagram_explore: { label: "Instagram Explore", platform: "instagram", position: "explore", group: "feeds" },
  messenger_inbox: { label: "Messenger inbox", platform: "messenger", position: "messenger_home", group: "square" },
  audience_network: { label: "Audience Network", platform: "audience_network", position: "classic", group: "audience_network" },
};

const FORMAT_NAMES: Record<AdFormat, string> = {
  "1:1": "square (1:1)",
  "4:5": "portrait (4:5)",
  "9:16": "vertical (9:16)",
  "16:9": "landscape (16:9)",
};

/**
 * Which creative shapes each group shows without cropping or letterboxing, per
 * Meta's ads guide: feeds take square or portrait, Stories and Reels fill the
 * screen at 9:16, Marketplace and the Messenger inbox show a square tile.
 */
const GROUPS: Record<PlacementGroup, { name: string; verb: "needs" | "need"; formats: readonly AdFormat[] }> = {
  feeds: { name: "Feeds", verb: "need", formats: ["1:1", "4:5"] },
  vertical: { name: "Stories and Reels", verb: "need", formats: ["9:16"] },
  square: { name: "Marketplace and the Messenger inbox", verb: "need", formats: ["1:1"] },
  audience_network: { name: "Audience Network", verb: "needs", formats: ["1:1", "16:9", "9:16"] },
};

export function isPlacementId(value: string): value is PlacementId {
  return (PLACEMENT_IDS as readonly string[]).includes(value);
}

/** The shapes that fit one placement. */
export function formatsFor(placement: PlacementId): readonly AdFormat[] {
  return GROUPS[PLACEMENTS[placement].group].formats;
}

export type FormatProblem = { placements: PlacementId[]; needs: readonly AdFormat[]; message: string };

/**
 * Placements that none of the campaign's creatives fits, grouped, each with a
 * sentence saying what to add. No placements means Advantage+ placements: Meta
 * picks where each creative fits, so there is nothing to check.
 */
export function formatProblems(placements: readonly string[], assets: ReadonlyArray<{ format: AdFormat }>): FormatProblem[] {
  const have = new Set(assets.map((asset) => asset.format));
  const byGroup = new Map<PlacementGroup, PlacementId[]>();
  for (const placement of placements) {
    if (!isPlacementId(placement)) continue;
    const group = PLACEMENTS[placement].group;
    byGroup.set(group, [...(byGroup.get(group) ?? []), placement]);
  }
  const problems: FormatProblem[] = [];
  for (const [group, members] of byGroup) {
    const { name, verb, formats } = GROUPS[group];
    if (formats.some((format) => have.has(format))) continue;
    const shapes = formats.map((format) => FORMAT_NAMES[format]);
    const wanted = shapes.length === 1 ? `a ${shapes[0]}` : `a ${shapes.slice(0, -1).join(", ")} or ${shapes.at(-1)}`;
    problems.push({
      placements: members,
      needs: formats,
      message: `${name} ${verb} ${wanted} creative; add one or remove ${members.length === 1 ? "that placement" : "those placements"}.`,
    });
  }
  return problems;
}
