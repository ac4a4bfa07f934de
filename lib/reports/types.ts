import type { CampaignPurpose } from "@/db/schema";
import type { Ratios } from "@/lib/analytics/metrics";

/**
 * The stored shape of a weekly report (`weekly_reports.summary`). Money is
 * integer minor units with its currency beside it, never mixed across
 * currencies. Stored whole, so an old report reads the same after Meta's
 * numbers move.
 */
export type ReportSummary = {
  version: 1;
  /** Monday and Sunday of the reported week, YYYY-MM-DD (ad-account-local days). */
  periodStart: string;
  periodEnd: string;
  /** The week before, which every change is measured against. */
  previousStart: string;
  previousEnd: string;
  /** One entry per currency the user spent in, biggest spend first. */
  totals: CurrencyTotals[];
  /** Every campaign with data in either week. */
  campaigns: CampaignWeek[];
  /** Best and worst campaign per purpose and currency (comparing a lead's cost with a sale's would mislead). */
  highlights: Highlight[];
  pacing: Pacing[];
  /** Rule-based findings (lib/reports/findings.ts), then the optimizer's open advice. */
  openRecommendations: Recommendation[];
  /** What the budget optimizer did this week; absent in reports made before it existed. */
  optimizer?: OptimizerWeek;
};

export type OptimizerWeek = {
  /** Budget moves applied this week, by the user or on autopilot. */
  applied: number;
  byAutopilot: number;
  rolledBack: number;
  /**
   * Results (or sales value in minor units) a day the moves still in place were
   * expected to add, at each campaign's recent returns: an estimate.
   */
  estimatedGain: Array<{ currency: string; metric: "conversions" | "value"; perDay: number }>;
};

/** Raw sums for one week; spend and value in minor units of `currency`. */
export type WeekSums = {
  spend: number;
  conversionValue: number;
  impressions: number;
  clicks: number;
  conversions: number;
};

export type CurrencyTotals = {
  currency: string;
  current: WeekSums;
  previous: WeekSums;
  ratios: { current: Ratios; previous: Ratios };
  /** Relative change (0.25 = +25 %); null when last week had none to compare with. */
  changes: Record<keyof WeekSums | "cpa" | "roas" | "ctr" | "cpc", number | null>;
};

export type BudgetKind = "daily" | "lifetime";

export type CampaignWeek = {
  campaignId: string;
  name: string;
  purpose: CampaignPurpose;
  status: string;
  currency: string;
  current: WeekSums;
  previous: WeekSums;
  /** Days of the reported week the campaign was scheduled to run (0–7). */
  activeDays: number;
};

export type HighlightMetric = "roas" | "cpa" | "cpm";

export type HighlightPick = {
  campaignId: string;
  name: string;
  /** The metric's value; null for a campaign that spent without a single result. */
  value: number | null;
  spend: number;
  conversions: number;
};

export type Highlight = {
  purpose: CampaignPurpose;
  currency: string;
  metric: HighlightMetric;
  /** Null when no campaign in the group had a result to rank by. */
  best: HighlightPick | null;
  /** Null when only one campaign is in the group and it did have results. */
  worst: HighlightPick | null;
};

export type Pacing = {
  campaignId: string;
  name: string;
  currency: string;
  kind: BudgetKind;
  /** The daily budget, or the lifetime budget; minor units. */
  budget: number;
  /** Daily: this week's spend. Lifetime: spend from the start to the end of this week. */
  spend: number;
  /** What the budget would have spent by now at an even pace; minor units. */
  expected: number;
  /** spend ÷ expected (1 = on pace); null when nothing was expected yet. */
  ratio: number | null;
};

export type RecommendationKind = "no_conversions" | "cpa_rising" | "under_pacing" | "optimizer_budget" | "creative_fatigue";

export type Recommendation = {
  /** Stable per kind and campaign, so a later source (the optimizer) can match or replace it. */
  id: string;
  kind: RecommendationKind;
  severity: "high" | "medium";
  campaignId: string;
  campaignName: string;
  /** What we saw, in numbers. */
  finding: string;
  /** What the marketer might do about it. */
  suggestion: string;
};
