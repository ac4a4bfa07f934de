import { z } from "zod";
import { PURPOSES } from "@/lib/campaigns/purposes";
import type { CampaignPurpose } from "@/db/schema";

/**
 * Graph insights rows → our ad-day rows. Metrics arrive as strings; money stays
 * a decimal string from Meta to the DECIMAL column, so no float ever touches it.
 */

/** The conversion action for campaigns made outside AdPilot, by objective (same choices as the purposes make). */
const ACTION_BY_OBJECTIVE: Record<string, string | null> = {
  OUTCOME_SALES: PURPOSES.sales.conversionActionType,
  OUTCOME_LEADS: PURPOSES.lead_generation.conversionActionType,
  OUTCOME_APP_PROMOTION: PURPOSES.app_installs.conversionActionType,
  OUTCOME_TRAFFIC: "link_click",
  OUTCOME_ENGAGEMENT: null,
  OUTCOME_AWARENESS: null,
};

export type CampaignLink = { campaignId: string; purpose: CampaignPurpose };

const count = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d+$/, "expected a whole number"))
  .transform(Number)
  .pipe(z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER));
const money = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "expected an amount like 12.34"));
const actionList = z.array(z.object({ action_type: z.string(), value: z.union([z.string(), z.number()]).transform(String) })).optional();

const graphRow = z.object({
  ad_id: z.union([z.string(), z.number()]).transform(String),
  adset_id: z.union([z.string(), z.number()]).transform(String),
  campaign_id: z.union([z.string(), z.number()]).transform(String),
  date_start: z.iso.date(),
  objective: z.string().optional(),
  impressions: count.default(0),
  reach: count.default(0),
  clicks: count.default(0),
  spend: money.default("0"),
  actions: actionList,
  action_values: actionList,
});

export type AdDayRow = {
  metaAdId: string;
  metaAdSetId: string;
  metaCampaignId: string;
  date: string;
  campaignId: string | null;
  impressions: number;
  reach: number;
  clicks: number;
  spend: string;
  conversions: number;
  conversionValue: string;
  actionType: string | null;
};

/** Meta sometimes reports fractional (modelled) conversions; a count is rounded, a value keeps its cents. */
function actionCount(list: Array<{ action_type: string; value: string }> | undefined, type: string | null): number {
  if (!type) return 0;
  const value = Number(list?.find((action) => action.action_type === type)?.value ?? 0);
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

function actionValue(list: Array<{ action_type: string; value: string }> | undefined, type: string | null): string {
  const raw = type ? list?.find((action) => action.action_type === type)?.value : undefined;
  if (raw === undefined) return "0";
  const parsed = money.safeParse(raw);
  // A value Meta wrote with more precision is rounded to the cent, once, here.
  return parsed.success ? parsed.data : Number.isFinite(Number(raw)) && Number(raw) > 0 ? Number(raw).toFixed(2) : "0";
}

/**
 * One row per ad-day. Conversions and their value come from exactly one action
 * type (the campaign purpose's, or the objective's for outside campaigns): Meta
 * reports a purchase as `purchase`, `omni_purchase` and the pixel type at once,
 * so summing types would count it three times.
 */
export function toAdDayRow(raw: unknown, campaigns: ReadonlyMap<string, CampaignLink>): AdDayRow {
  const row = graphRow.parse(raw);
  const link = campaigns.get(row.campaign_id);
  const actionType = link ? PURPOSES[link.purpose].conversionActionType : (ACTION_BY_OBJECTIVE[row.objective ?? ""] ?? null);
  return {
    metaAdId: row.ad_id,
    metaAdSetId: row.adset_id,
    metaCampaignId: row.campaign_id,
    date: row.date_start,
    campaignId: link?.campaignId ?? null,
    impressions: row.impressions,
    reach: row.reach,
    clicks: row.clicks,
    spend: row.spend,
    conversions: actionCount(row.actions, actionType),
    conversionValue: actionValue(row.action_values, actionType),
    actionType,
  };
}
