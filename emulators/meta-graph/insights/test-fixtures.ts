import type { Ad, AdQuality, AdSet, AdTree, Campaign, Objective } from "./types";

/** Builders for small ad trees in tests. Times are UTC; the default account is on UTC too. */

export const QUALITY: AdQuality = { ctr: 0.02, conversionRate: 0.05, orderValueMinor: 6000 };

export function campaign(id: string, overrides: Partial<Campaign> = {}): Campaign {
  return { id, accountId: "act_1", objective: "OUTCOME_SALES", status: "ACTIVE", createdTime: "2025-01-01T00:00:00Z", ...overrides };
}

export function adset(id: string, campaignId: string, overrides: Partial<AdSet> = {}): AdSet {
  return {
    id,
    campaignId,
    status: "ACTIVE",
    dailyBudget: 10_000,
    startTime: "2025-01-01T00:00:00Z",
    optimizationGoal: "OFFSITE_CONVERSIONS",
    budgetHistory: [],
    ...overrides,
  };
}

export function ad(id: string, adsetId: string, campaignId: string, overrides: Partial<Ad> = {}): Ad {
  return { id, adsetId, campaignId, status: "ACTIVE", createdTime: "2025-01-01T00:00:00Z", quality: QUALITY, ...overrides };
}

/** One campaign → one ad set → `adCount` ads. */
export function simpleTree(options: { objective?: Objective; dailyBudget?: number; adCount?: number; timezone?: string } = {}): AdTree {
  const ads = Array.from({ length: options.adCount ?? 1 }, (_, i) => ad(`a${i + 1}`, "s1", "c1"));
  return {
    account: { id: "act_1", currency: "USD", timezone: options.timezone ?? "UTC" },
    campaigns: [campaign("c1", { objective: options.objective ?? "OUTCOME_SALES" })],
    adsets: [adset("s1", "c1", { dailyBudget: options.dailyBudget ?? 10_000 })],
    ads,
  };
}

/** Two campaigns with two ad sets of two ads each: enough rows to aggregate and page. */
export function wideTree(): AdTree {
  const campaigns = [campaign("c1"), campaign("c2", { objective: "OUTCOME_LEADS" })];
  const adsets = [adset("s1", "c1"), adset("s2", "c1", { dailyBudget: 5_000 }), adset("s3", "c2"), adset("s4", "c2", { dailyBudget: 20_000 })];
  const ads = adsets.flatMap((set) => [ad(`${set.id}a1`, set.id, set.campaignId), ad(`${set.id}a2`, set.id, set.campaignId, { quality: { ctr: 0.012, conversionRate: 0.03, orderValueMinor: 9000 } })]);
  return { account: { id: "act_1", currency: "USD", timezone: "UTC", name: "Shop" }, campaigns, adsets, ads };
}

export const num = (value: unknown): number => Number(value);

/** Count of one action type in a row's `actions` (0 when absent). */
export function actionCount(row: { actions?: Array<{ action_type: string; value: string }> }, type: string): number {
  return Number(row.actions?.find((action) => action.action_type === type)?.value ?? 0);
}
