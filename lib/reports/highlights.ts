import { PURPOSES } from "@/lib/campaigns/purposes";
import type { CampaignPurpose } from "@/db/schema";
import { ratiosOfSums } from "./sums";
import type { CampaignWeek, Highlight, HighlightMetric, HighlightPick } from "./types";

/**
 * What "best" means for a purpose: return on ad spend for sales that report a
 * purchase value, cost per result where the purpose has a result, and cost per
 * 1,000 impressions where reach is the result.
 */
export function highlightMetric(purpose: CampaignPurpose, group: CampaignWeek[]): HighlightMetric {
  if (purpose === "sales" && group.some((campaign) => campaign.current.conversionValue > 0)) return "roas";
  return PURPOSES[purpose].resultName === null ? "cpm" : "cpa";
}

function pick(campaign: CampaignWeek, metric: HighlightMetric): HighlightPick {
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    value: ratiosOfSums(campaign.current, campaign.currency)[metric],
    spend: campaign.current.spend,
    conversions: campaign.current.conversions,
  };
}

/**
 * Best first. Campaigns with a value rank by it (ROAS high is good, costs low
 * are good); a campaign that spent without a single result ranks after all of
 * them, the more it spent the worse.
 */
function better(metric: HighlightMetric) {
  return (a: HighlightPick, b: HighlightPick): number => {
    if (a.value !== null && b.value !== null) return metric === "roas" ? b.value - a.value : a.value - b.value;
    if (a.value !== null) return -1;
    if (b.value !== null) return 1;
    return a.spend - b.spend;
  };
}

/**
 * Best and worst campaign of the week per purpose and currency, among the
 * campaigns that spent this week. A lone campaign with results is only "best";
 * one that spent without results is only "worst"; nothing is ever both.
 */
export function highlights(campaigns: CampaignWeek[]): Highlight[] {
  const groups = new Map<string, CampaignWeek[]>();
  for (const campaign of campaigns) {
    if (campaign.current.spend <= 0) continue;
    const key = `${campaign.purpose}:${campaign.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), campaign]);
  }
  const result: Highlight[] = [];
  for (const group of groups.values()) {
    const { purpose, currency } = group[0]!;
    const metric = highlightMetric(purpose, group);
    const ranked = group.map((campaign) => pick(campaign, metric)).sort(better(metric));
    const first = ranked[0]!;
    const last = ranked[ranked.length - 1]!;
    const best = first.value !== null ? first : null;
    const worst = last === best ? null : last;
    result.push({ purpose, currency, metric, best, worst });
  }
  return result.sort((a, b) => a.purpose.localeCompare(b.purpose) || a.currency.localeCompare(b.currency));
}
