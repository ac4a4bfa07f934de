/**
 * Input and output shapes of the insights simulator. Self-contained on purpose:
 * the emulator core maps its stored objects onto these, so the simulator does
 * not depend on how the core persists anything.
 *
 * Money inputs are integer minor units (as Meta takes budgets); money outputs
 * are major-unit strings (as Meta reports `spend`).
 */

export type Objective =
  | "OUTCOME_AWARENESS"
  | "OUTCOME_TRAFFIC"
  | "OUTCOME_ENGAGEMENT"
  | "OUTCOME_LEADS"
  | "OUTCOME_SALES"
  | "OUTCOME_APP_PROMOTION";

/** Only ACTIVE delivers; the other values exist so the core can pass what it stores. */
export type DeliveryStatus = "ACTIVE" | "PAUSED" | "DELETED" | "ARCHIVED";

/**
 * A status change. When an object has a non-empty history, the status at an
 * instant is that of the last entry at or before it; before the first entry the
 * first entry's status applies (the history is expected to start at creation).
 * Without a history the object's current `status` applies to every day.
 */
export type StatusChange = { at: string; status: DeliveryStatus };

/** A daily budget change (minor units). Applies from the account-local day of `at`. */
export type BudgetChange = { at: string; dailyBudget: number };

export type Account = {
  /** Either "act_123" or "123"; rows report the bare number as Meta does. */
  id: string;
  currency: string;
  /** IANA zone, e.g. "America/Los_Angeles"; report days are account-local days. */
  timezone: string;
  name?: string;
};

export type Campaign = {
  id: string;
  accountId: string;
  objective: Objective;
  status: DeliveryStatus;
  /** Advantage campaign budget: set on the campaign, split across its ad sets. */
  dailyBudget?: number;
  lifetimeBudget?: number;
  createdTime: string;
  startTime?: string;
  stopTime?: string;
  statusHistory?: StatusChange[];
  /** Changes to a campaign daily budget; same rules as the ad set's. */
  budgetHistory?: BudgetChange[];
  name?: string;
};

export type AdSet = {
  id: string;
  campaignId: string;
  status: DeliveryStatus;
  dailyBudget?: number;
  lifetimeBudget?: number;
  startTime: string;
  endTime?: string;
  optimizationGoal: string;
  /**
   * Every daily budget the ad set has had, initial one included. The budget for
   * a day is the last change on or before it (else the first change, else
   * `dailyBudget`).
   */
  budgetHistory: BudgetChange[];
  statusHistory?: StatusChange[];
  name?: string;
};

/** Hidden traits that drive an ad's results; see `qualityFor`. */
export type AdQuality = {
  /** Link click-through rate, 0..1. */
  ctr: number;
  /** Conversions per click, 0..1. */
  conversionRate: number;
  /** Mean order value in the account currency's minor units. */
  orderValueMinor: number;
};

export type Ad = {
  id: string;
  adsetId: string;
  campaignId: string;
  status: DeliveryStatus;
  createdTime: string;
  quality: AdQuality;
  statusHistory?: StatusChange[];
  name?: string;
};

export type AdTree = {
  account: Account;
  campaigns: Campaign[];
  adsets: AdSet[];
  ads: Ad[];
};

export type SimulateInput = AdTree & {
  /** Inclusive account-local days, "YYYY-MM-DD". */
  since: string;
  until: string;
  /**
   * "Now". An ISO instant, or a bare "YYYY-MM-DD" meaning the end of that
   * account-local day. Nothing is delivered after it, and conversions of the
   * last days before it are still settling.
   */
  asOf: string;
};

/** Meta's `{action_type, value}` pair; value is a string as on the wire. */
export type ActionStat = { action_type: string; value: string };

/** One ad's day, formatted like a Graph insights row at level=ad, time_increment=1. */
export type InsightsRow = {
  date_start: string;
  date_stop: string;
  account_id: string;
  campaign_id: string;
  adset_id: string;
  ad_id: string;
  impressions: string;
  reach: string;
  frequency: string;
  clicks: string;
  spend: string;
  ctr: string;
  cpc?: string;
  cpm: string;
  actions?: ActionStat[];
  action_values?: ActionStat[];
  cost_per_action_type?: ActionStat[];
  purchase_roas?: ActionStat[];
};

/**
 * One ad's day as numbers, before formatting. Query aggregation sums these and
 * recomputes ratios, so it never has to parse the formatted strings back.
 */
export type DeliveryRecord = {
  date: string;
  accountId: string;
  campaignId: string;
  adsetId: string;
  adId: string;
  impressions: number;
  reach: number;
  clicks: number;
  spendMinor: number;
  /** Count per action type (overlapping types each carry the full count). */
  actions: Record<string, number>;
  /** Value per action type, minor units. */
  actionValuesMinor: Record<string, number>;
};
