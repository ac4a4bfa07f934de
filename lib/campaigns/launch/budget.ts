import type { Campaign } from "@/db/schema";
import { fromDecimalString } from "@/lib/money";

export type CampaignBudget = {
  kind: "daily" | "lifetime";
  /** Minor units of the campaign's currency. */
  amount: number;
  /** "campaign" = Advantage campaign budget; "adset" = the ad set holds it. */
  level: "campaign" | "adset";
  startTime?: Date;
  endTime?: Date;
};

const dateOf = (value: string | undefined) => {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/**
 * The campaign's budget as Meta needs it. The DECIMAL columns hold the amount
 * (major units); the wizard's draft says daily or lifetime, at which level, and
 * the amount when the column is empty. Null when no budget was set.
 */
export function campaignBudget(campaign: Pick<Campaign, "draft" | "dailyBudget" | "totalBudget" | "currency" | "startTime" | "endTime">): CampaignBudget | null {
  const draft = campaign.draft.budget;
  const kind = draft?.kind ?? (campaign.dailyBudget === null && campaign.totalBudget !== null ? "lifetime" : "daily");
  const column = kind === "daily" ? campaign.dailyBudget : campaign.totalBudget;
  const amount = column !== null ? fromDecimalString(column, campaign.currency) : draft?.amount;
  if (!amount || amount <= 0) return null;
  return {
    kind,
    amount,
    level: draft?.level ?? "campaign",
    startTime: campaign.startTime ?? dateOf(draft?.startTime),
    endTime: campaign.endTime ?? dateOf(draft?.endTime),
  };
}

/** Meta's field for a budget of this kind. */
export const budgetField = (kind: CampaignBudget["kind"]) => (kind === "daily" ? "daily_budget" : "lifetime_budget");
