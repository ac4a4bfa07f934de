import { actionCounts, actionValues, hasConversionValue, hasConversions } from "./actions";
import { settledCount } from "./attribution";
import { budgetForDay, hasBudget, splitMinor, type BudgetSpec } from "./budget";
import { asOfDay, asOfSeconds, DAY_SECONDS, fromDayNumber, isDateString, isWeekend, toDayNumber } from "./calendar";
import { minorPerUsd } from "./currency";
import { invalidParameter } from "./errors";
import { addRecord, emptyTotals, metricValues } from "./metrics";
import { stochasticRound, uniform } from "./prng";
import { qualityScore } from "./quality";
import { activeFraction, deliveryGate, statusTimeline, type DeliveryGate } from "./schedule";
import type { Ad, AdSet, Campaign, DeliveryRecord, InsightsRow, SimulateInput } from "./types";

/**
 * The delivery model. Everything random is seeded by (object id, day,
 * purpose), so a day's numbers depend only on the ad tree, that day and `asOf`
 * — never on the requested range or on unrelated ads.
 *
 * Per day: a budget (ad set's, or the campaign's split across ad sets by
 * quality) × a pacing factor 0.85–1.0 × the share of the day the ads could run
 * is spent; the spend is split over the ad set's ads by quality; impressions
 * follow from a CPM that rises with spend (diminishing returns) and drops at
 * weekends; clicks from a CTR that decays with the ad's age (fatigue);
 * conversions from clicks; then recent conversions are only partly reported.
 */

/** Model constants, USD-denominated where they are money and scaled per currency. */
const MODEL = {
  pacing: [0.85, 1.0],
  baseCpmUsd: [6, 14],
  /** Daily ad set spend at which the base CPM applies. */
  referenceSpendUsd: 50,
  /** CPM ∝ spend^0.15: doubling a budget buys 2 / 2^0.15 ≈ 1.8× the impressions. */
  saturationExponent: 0.15,
  saturationClamp: [0.6, 2.5],
  /** Weekend auctions are cheaper: CPM / 1.15, i.e. ~15 % more impressions for the money. */
  weekendImpressionLift: 1.15,
  dailyNoise: 0.1,
  /** CTR × 1 / (1 + age/30): a month-old ad gets about half its fresh CTR. */
  fatigueDays: 30,
  /** Daily frequency grows as the audience is worn in: 1.05 + 0.02 × age (capped). */
  frequencyBase: 1.05,
  frequencyPerDay: 0.02,
  frequencyMaxAgeDays: 100,
  orderValueNoise: 0.2,
} as const;

type AdPlan = { ad: Ad; gate: DeliveryGate; firstDay: number; score: number };
type AdSetPlan = { adset: AdSet; ads: AdPlan[]; budget: BudgetSpec };
type CampaignPlan = { campaign: Campaign; adsets: AdSetPlan[]; budget: BudgetSpec | undefined };

/** Daily numbers per ad, for every ad-day with delivery in [since, until] up to `asOf`. */
export function simulateDelivery(input: SimulateInput): DeliveryRecord[] {
  const { account } = input;
  const timeZone = account.timezone;
  if (!isDateString(input.since) || !isDateString(input.until)) throw invalidParameter("time_range since and until must be dates as YYYY-MM-DD");
  const since = toDayNumber(input.since);
  const today = asOfDay(input.asOf, timeZone);
  const until = Math.min(toDayNumber(input.until), today);
  const plans = planCampaigns(input);

  const records: DeliveryRecord[] = [];
  for (let day = since; day <= until; day++) {
    for (const plan of plans) records.push(...deliverCampaignDay(plan, day, today, input));
  }
  return records;
}

/** `simulateDelivery` formatted as Graph rows (level=ad, time_increment=1). */
export function simulateInsights(input: SimulateInput): InsightsRow[] {
  return simulateDelivery(input).map((record) => {
    const totals = emptyTotals();
    addRecord(totals, record);
    const metrics = metricValues(totals, input.account.currency);
    // One delivered ad-day always has impressions and reach, so the ratio fields are present.
    const text = (key: string) => metrics[key] as string;
    const list = (key: string) => metrics[key] as InsightsRow["actions"];
    const row: InsightsRow = {
      date_start: record.date,
      date_stop: record.date,
      account_id: record.accountId,
      campaign_id: record.campaignId,
      adset_id: record.adsetId,
      ad_id: record.adId,
      impressions: text("impressions"),
      reach: text("reach"),
      frequency: text("frequency"),
      clicks: text("clicks"),
      spend: text("spend"),
      ctr: text("ctr"),
      cpm: text("cpm"),
    };
    if (metrics.cpc !== undefined) row.cpc = text("cpc");
    for (const key of ["actions", "action_values", "cost_per_action_type", "purchase_roas"] as const) {
      if (metrics[key] !== undefined) row[key] = list(key);
    }
    return row;
  });
}

/** Meta reports the bare account number in rows. */
export const bareAccountId = (id: string): string => id.replace(/^act_/, "");

function planCampaigns(input: SimulateInput): CampaignPlan[] {
  const timeZone = input.account.timezone;
  const now = asOfSeconds(input.asOf, timeZone);
  return input.campaigns.map((campaign) => {
    const campaignStatus = statusTimeline(campaign.status, campaign.statusHistory, timeZone);
    const adsets = input.adsets
      .filter((adset) => adset.campaignId === campaign.id)
      .map((adset): AdSetPlan => {
        const adsetStatus = statusTimeline(adset.status, adset.statusHistory, timeZone);
        const ads = input.ads
          .filter((ad) => ad.adsetId === adset.id)
          .map((ad): AdPlan => {
            const gate = deliveryGate({
              starts: [campaign.createdTime, campaign.startTime, adset.startTime, ad.createdTime],
              ends: [campaign.stopTime, adset.endTime],
              now,
              statuses: [campaignStatus, adsetStatus, statusTimeline(ad.status, ad.statusHistory, timeZone)],
              timeZone,
            });
            const firstDay = Number.isFinite(gate.from) ? Math.floor(gate.from / DAY_SECONDS) : 0;
            return { ad, gate, firstDay, score: qualityScore(ad.quality, campaign.objective) };
          });
        return {
          adset,
          ads,
          budget: { dailyBudget: adset.dailyBudget, lifetimeBudget: adset.lifetimeBudget, budgetHistory: adset.budgetHistory, start: adset.startTime, end: adset.endTime },
        };
      });
    const budget: BudgetSpec | undefined = hasBudget(campaign)
      ? {
          dailyBudget: campaign.dailyBudget,
          lifetimeBudget: campaign.lifetimeBudget,
          budgetHistory: campaign.budgetHistory,
          start: campaign.startTime ?? campaign.createdTime,
          end: campaign.stopTime,
        }
      : undefined;
    return { campaign, adsets, budget };
  });
}

function deliverCampaignDay(plan: CampaignPlan, day: number, today: number, input: SimulateInput): DeliveryRecord[] {
  const timeZone = input.account.timezone;
  const date = fromDayNumber(day);
  const adsets = plan.adsets.map((adsetPlan) => {
    const fractions = adsetPlan.ads.map((adPlan) => activeFraction(adPlan.gate, day));
    const live = adsetPlan.ads.filter((_, i) => (fractions[i] ?? 0) > 0);
    const meanScore = live.length ? live.reduce((acc, adPlan) => acc + adPlan.score, 0) / live.length : 0;
    // The ad set runs while any of its ads can; that share of the day scales its spend.
    return { plan: adsetPlan, fractions, fraction: Math.max(0, ...fractions), meanScore };
  });

  let spends: number[];
  if (plan.budget) {
    // Advantage campaign budget: one pot, moved toward the ad sets that perform better.
    const fraction = Math.max(0, ...adsets.map((a) => a.fraction));
    const total = Math.round((budgetForDay(plan.budget, day, timeZone) ?? 0) * pacing(plan.campaign.id, date) * fraction);
    spends = splitMinor(total, adsets.map((a) => a.fraction * (a.meanScore + 1e-12)));
  } else {
    spends = adsets.map((a) => Math.round((budgetForDay(a.plan.budget, day, timeZone) ?? 0) * pacing(a.plan.adset.id, date) * a.fraction));
  }

  const records: DeliveryRecord[] = [];
  adsets.forEach((a, index) => {
    const adsetSpend = spends[index] ?? 0;
    if (adsetSpend <= 0) return;
    const adSpends = splitMinor(adsetSpend, a.plan.ads.map((adPlan, i) => (a.fractions[i] ?? 0) * (adPlan.score + 1e-12)));
    // Saturation is judged on the ad set's full-day rate: a half day at $100/day is not a $50 audience.
    const fullDayUsd = adsetSpend / a.fraction / minorPerUsd(input.account.currency);
    a.plan.ads.forEach((adPlan, i) => {
      const record = deliverAd({ plan, adsetPlan: a.plan, adPlan, day, today, date, spendMinor: adSpends[i] ?? 0, fullDayUsd, input });
      if (record) records.push(record);
    });
  });
  return records;
}

const pacing = (id: string, date: string) => uniform(MODEL.pacing[0], MODEL.pacing[1], "pacing", id, date);

/** ±`MODEL.dailyNoise` around 1 for one ad-day and purpose. */
const noise = (adId: string, date: string, purpose: string, spread: number = MODEL.dailyNoise) => uniform(1 - spread, 1 + spread, purpose, adId, date);

function deliverAd(args: {
  plan: CampaignPlan;
  adsetPlan: AdSetPlan;
  adPlan: AdPlan;
  day: number;
  /** The local day of `asOf`: how settled each day's conversions are. */
  today: number;
  date: string;
  spendMinor: number;
  fullDayUsd: number;
  input: SimulateInput;
}): DeliveryRecord | undefined {
  const { plan, adsetPlan, adPlan, day, date, spendMinor, input } = args;
  if (spendMinor <= 0) return undefined;
  const { ad } = adPlan;
  const { quality } = ad;
  const objective = plan.campaign.objective;
  const draw = (purpose: string) => uniform(0, 1, purpose, ad.id, date);

  const saturation = clamp((args.fullDayUsd / MODEL.referenceSpendUsd) ** MODEL.saturationExponent, MODEL.saturationClamp[0], MODEL.saturationClamp[1]);
  const baseCpmUsd = uniform(MODEL.baseCpmUsd[0], MODEL.baseCpmUsd[1], "cpm", adsetPlan.adset.id);
  const weekend = isWeekend(day) ? 1 / MODEL.weekendImpressionLift : 1;
  const cpmMinor = baseCpmUsd * minorPerUsd(input.account.currency) * saturation * weekend * noise(ad.id, date, "cpm");
  const impressions = Math.round((spendMinor / cpmMinor) * 1000);
  if (impressions <= 0) return undefined;

  const age = Math.max(0, day - adPlan.firstDay);
  const ctr = quality.ctr * (1 / (1 + age / MODEL.fatigueDays)) * noise(ad.id, date, "ctr");
  const clicks = Math.min(impressions, stochasticRound(impressions * ctr, draw("clicks")));

  const frequency = (MODEL.frequencyBase + MODEL.frequencyPerDay * Math.min(age, MODEL.frequencyMaxAgeDays)) * noise(ad.id, date, "frequency", 0.03);
  const reach = clamp(Math.round(impressions / frequency), 1, impressions);

  let conversions = 0;
  let valueMinor = 0;
  if (hasConversions(objective)) {
    const expected = clicks * quality.conversionRate * noise(ad.id, date, "cvr", 0.15);
    const finalConversions = Math.min(clicks, stochasticRound(expected, draw("conversions")));
    conversions = settledCount(finalConversions, args.today - day);
    if (hasConversionValue(objective) && finalConversions > 0) {
      const finalValue = Math.round(finalConversions * quality.orderValueMinor * noise(ad.id, date, "order-value", MODEL.orderValueNoise));
      // Late conversions arrive with their value, so value settles in step with the count.
      valueMinor = Math.round((finalValue * conversions) / finalConversions);
    }
  }

  return {
    date,
    accountId: bareAccountId(input.account.id),
    campaignId: plan.campaign.id,
    adsetId: adsetPlan.adset.id,
    adId: ad.id,
    impressions,
    reach,
    clicks,
    spendMinor,
    actions: actionCounts(objective, clicks, conversions),
    actionValuesMinor: actionValues(objective, valueMinor),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
