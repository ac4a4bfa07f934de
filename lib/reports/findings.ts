import { PURPOSES } from "@/lib/campaigns/purposes";
import { formatMoney, minorUnitDigits } from "@/lib/money";
import { ratiosOfSums } from "./sums";
import type { CampaignWeek, Pacing, Recommendation } from "./types";

/**
 * Rule-based findings from the week's own numbers: what a careful marketer
 * would flag on Monday morning. The optimizer (a later issue) produces its own
 * recommendations; it can replace this module or add to its list, matching by
 * `id` (kind + campaign).
 */

/** Week-over-week rise in cost per result worth a look. */
export const CPA_RISE_THRESHOLD = 0.3;
/** A daily budget spending under this share was held back by delivery, not by the budget. */
export const UNDER_PACING_THRESHOLD = 0.6;

const percent = (value: number) => `${Math.round(value * 100)}%`;
const costToMinor = (major: number, currency: string) => Math.round(major * (minorUnitDigits(currency) === 0 ? 1 : 100));

function noConversions(campaign: CampaignWeek): Recommendation | null {
  const resultName = PURPOSES[campaign.purpose].resultName;
  // Only a campaign that ran the whole week with nothing to show is flagged; a late start has not had its chance.
  if (campaign.status !== "active" || resultName === null || campaign.activeDays < 7) return null;
  if (campaign.current.spend <= 0 || campaign.current.conversions > 0) return null;
  return {
    id: `no_conversions:${campaign.campaignId}`,
    kind: "no_conversions",
    severity: "high",
    campaignId: campaign.campaignId,
    campaignName: campaign.name,
    finding: `Spent ${formatMoney(campaign.current.spend, campaign.currency)} in the last 7 days with no ${resultName}.`,
    suggestion:
      campaign.purpose === "sales"
        ? "Check that your pixel reports purchases and that the ad's link works; pause the campaign until it does."
        : "Check that the ad's link, form or event works and the offer is clear; pause the campaign if nothing changes.",
  };
}

function cpaRising(campaign: CampaignWeek): Recommendation | null {
  const resultName = PURPOSES[campaign.purpose].resultName;
  if (resultName === null) return null;
  const now = ratiosOfSums(campaign.current, campaign.currency).cpa;
  const before = ratiosOfSums(campaign.previous, campaign.currency).cpa;
  if (now === null || before === null || before <= 0 || (now - before) / before <= CPA_RISE_THRESHOLD) return null;
  const cost = (value: number) => formatMoney(costToMinor(value, campaign.currency), campaign.currency);
  return {
    id: `cpa_rising:${campaign.campaignId}`,
    kind: "cpa_rising",
    severity: "medium",
    campaignId: campaign.campaignId,
    campaignName: campaign.name,
    finding: `Cost per ${resultName.replace(/s$/, "")} rose ${percent((now - before) / before)} week over week, from ${cost(before)} to ${cost(now)}.`,
    suggestion: "Often a sign the audience has seen the ads too often: refresh the creatives or widen the audience.",
  };
}

function underPacing(campaign: CampaignWeek, pacing: Pacing | undefined): Recommendation | null {
  if (campaign.status !== "active" || pacing?.kind !== "daily" || pacing.ratio === null || pacing.ratio >= UNDER_PACING_THRESHOLD) return null;
  return {
    id: `under_pacing:${campaign.campaignId}`,
    kind: "under_pacing",
    severity: "medium",
    campaignId: campaign.campaignId,
    campaignName: campaign.name,
    finding: `Spent ${percent(pacing.ratio)} of its daily budget this week (${formatMoney(pacing.spend, campaign.currency)} of ${formatMoney(pacing.expected, campaign.currency)}).`,
    suggestion: "Meta could not find enough people at this budget: widen the audience or placements, or lower the budget to what it spends.",
  };
}

/** Every finding for the week, the most serious first. */
export function openRecommendations(campaigns: CampaignWeek[], pacing: Pacing[]): Recommendation[] {
  const pacingById = new Map(pacing.map((line) => [line.campaignId, line]));
  const found = campaigns.flatMap((campaign) =>
    [noConversions(campaign), cpaRising(campaign), underPacing(campaign, pacingById.get(campaign.campaignId))].filter(
      (finding): finding is Recommendation => finding !== null,
    ),
  );
  const rank = { high: 0, medium: 1 } as const;
  return found.sort((a, b) => rank[a.severity] - rank[b.severity] || a.campaignName.localeCompare(b.campaignName) || a.id.localeCompare(b.id));
}
