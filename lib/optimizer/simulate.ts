/**
 * A simulated ad account for judging allocators against the truth, which real
 * data never shows. Each ad set has a saturating response curve
 *   expected conversions/day = a·(1 − e^(−spend/b)) · efficiency(day)
 * (a: conversions/day it could reach with unlimited spend, b: the spend at
 * which it is ~63% saturated; a/b is its cost per conversion at low spend).
 * Efficiency decays with creative fatigue and drops during a learning phase
 * after any budget change beyond 20%. Conversions are Poisson; Meta reports
 * them late (about 60%, 80%, 95% after 1, 2, 3 days), and everything is seeded.
 *
 * Clicks: a conversion comes from a click, so cost per conversion = cost per
 * click ÷ conversion rate, and ad sets differ in both (audiences differ in CPM,
 * creatives in CTR, intent in conversion rate). Half of the between-ad-set
 * spread in cost per conversion is put in each, independently: no reason to
 * favour either, and real accounts show both. Diminishing returns are in the
 * clicks (reaching further into an audience costs more per click); creative
 * fatigue is a falling CTR, so it shows in clicks; the learning penalty is
 * delivery reaching worse converters, so it shows in the conversion rate only.
 * Clicks are over-dispersed like impressions (CPM varies day to day).
 * Conversions are drawn exactly as before the clicks carried this, and the
 * non-converting clicks from their own draw (Poisson splitting makes that the
 * same as thinning clicks), so the truth and every policy's conversions are
 * unchanged; only what clicks tell an allocator is new.
 */
import { addDays } from "./dates";
import { mulberry32, normal, poisson, type Random } from "./random";
import type { DailyStats, EntityInput } from "./types";

export type AdSetTruth = {
  id: string;
  /** Conversions per day at unlimited spend. */
  ceiling: number;
  /** Minor units per day at which spend is ~63% saturated. */
  saturation: number;
  /** Clicks per conversion at full efficiency: 1 ÷ the ad set's conversion rate. */
  clicksPerConversion: number;
  /** Minor units of value per conversion (what the ROAS goal maximises). */
  valuePerConversion: number;
  /** Fraction of efficiency lost per day to creative fatigue (0 for most). */
  fatiguePerDay: number;
  minDailyBudget: number;
  /** Day (relative to the first simulated day) of a significant edit made before the run, if any. */
  editedOnDay?: number;
};

export type Scenario = {
  seed: number;
  goal: "cpa" | "roas";
  adSets: AdSetTruth[];
  /** Share of a day's conversions reported after 1, 2 and 3 days; 1 afterwards. */
  reportedShare: [number, number, number];
  /** Days of history the account already has when the run starts. */
  warmupDays: number;
  firstDay: string;
};

/** Meta's learning phase as simulated: efficiency drops to this after a large change… */
export const LEARNING_EFFICIENCY = 0.75;
/** …until 50 conversions or 7 days since the edit, whichever comes first. */
export const LEARNING_DAYS = 7;
export const LEARNING_CONVERSIONS = 50;
/** A change beyond this fraction of yesterday's budget counts as a significant edit. */
export const SIGNIFICANT_CHANGE = 0.2;

const MINIMUM_BUDGET = 100;

function logNormal(random: Random, median: number, spread: number): number {
  return median * Math.exp(spread * normal(random));
}

/**
 * 2–8 ad sets; cost per conversion at low spend with a median of 20.00 and a
 * typical spread of ±40% between ad sets; saturation around 150.00/day (so a
 * 50/day account is nearly linear and a 1,000/day one clearly saturates);
 * 40% of ad sets fatigue by 0.2–1.2% a day; one in five was edited two days
 * before the run and is still learning. Every third scenario has the ROAS goal.
 * Cost per click has a median of 0.80 (a 4% conversion rate at the median cost
 * per conversion).
 */
export function makeScenario(seed: number): Scenario {
  const random = mulberry32(seed * 7919 + 17);
  // A stream of its own, so the scenarios drawn before clicks carried information stay the same.
  const clickRandom = mulberry32(seed * 7919 + 29);
  const count = 2 + Math.floor(random() * 7);
  const adSets: AdSetTruth[] = [];
  for (let i = 0; i < count; i++) {
    const costPerConversion = logNormal(random, 2000, 0.4);
    const saturation = logNormal(random, 15_000, 0.7);
    const fatigued = random() < 0.4;
    const fatigueRate = 0.002 + random() * 0.01;
    const edited = random() < 0.2;
    // log CPA = log CPC − log CVR with both N(0, 0.4²/2) and independent: given
    // the CPA's deviation d, the CPC's is d/2 plus N(0, 0.4²/4).
    const deviation = Math.log(costPerConversion / 2000);
    const costPerClick = 80 * Math.exp(deviation / 2 + 0.2 * normal(clickRandom));
    adSets.push({
      id: `adset-${i + 1}`,
      ceiling: saturation / costPerConversion,
      saturation,
      clicksPerConversion: costPerConversion / costPerClick,
      valuePerConversion: logNormal(random, 6000, 0.4),
      fatiguePerDay: fatigued ? fatigueRate : 0,
      minDailyBudget: MINIMUM_BUDGET,
      ...(edited ? { editedOnDay: -2 } : {}),
    });
  }
  const lateness = 0.85 + random() * 0.25;
  const share = (nominal: number) => Math.min(1, nominal * lateness);
  return {
    seed,
    goal: seed % 3 === 2 ? "roas" : "cpa",
    adSets,
    reportedShare: [share(0.6), share(0.8), share(0.95)],
    warmupDays: 14,
    firstDay: "2025-01-01",
  };
}

/** Expected conversions per day at `spend` with the given efficiency multiplier. */
export function expectedConversions(adSet: AdSetTruth, spend: number, efficiency: number): number {
  return adSet.ceiling * (1 - Math.exp(-spend / adSet.saturation)) * efficiency;
}

type DayRecord = { spend: number; conversions: number; value: number; impressions: number; clicks: number };

type AdSetState = {
  budget: number;
  editedOnDay?: number;
  conversionsSinceEdit: number;
  days: DayRecord[];
};

/**
 * One run of one scenario under one policy. Day 0 is the first simulated day;
 * history covers days −warmupDays..−1 at the starting budgets. Noise for
 * (ad set, day) is drawn from its own seed, so two policies that make the same
 * choice see the same luck (common random numbers keep comparisons sharp).
 */
export class SimulatedAccount {
  readonly scenario: Scenario;
  private readonly states: AdSetState[];
  private day: number;

  constructor(scenario: Scenario, startingBudgets: number[]) {
    this.scenario = scenario;
    this.day = -scenario.warmupDays;
    this.states = scenario.adSets.map((adSet, i) => ({
      budget: startingBudgets[i] ?? 0,
      ...(adSet.editedOnDay !== undefined ? { editedOnDay: adSet.editedOnDay } : {}),
      conversionsSinceEdit: 0,
      days: [],
    }));
    const budgets = this.budgets();
    while (this.day < 0) this.run(budgets);
  }

  get today(): number {
    return this.day;
  }

  dateOf(day: number): string {
    return addDays(this.scenario.firstDay, day);
  }

  budgets(): number[] {
    return this.states.map((state) => state.budget);
  }

  /** The efficiency multiplier of ad set i on `day`: fatigue, and learning after an edit. */
  efficiency(i: number, day: number): number {
    return this.clickEfficiency(i, day) * this.conversionEfficiency(i, day);
  }

  /** Creative fatigue: the CTR falls, so the same spend buys fewer clicks. */
  private clickEfficiency(i: number, day: number): number {
    return Math.pow(1 - this.scenario.adSets[i]!.fatiguePerDay, day + this.scenario.warmupDays);
  }

  /** Learning after an edit: delivery reaches worse converters, so clicks convert less. */
  private conversionEfficiency(i: number, day: number): number {
    const edited = this.states[i]!.editedOnDay;
    const learning =
      edited !== undefined && day - edited < LEARNING_DAYS && this.states[i]!.conversionsSinceEdit < LEARNING_CONVERSIONS;
    return learning ? LEARNING_EFFICIENCY : 1;
  }

  /** Expected conversions (CPA goal) or value (ROAS goal) of these budgets today, before noise. */
  expectedOutcome(budgets: number[]): number {
    return this.scenario.adSets.reduce((sum, adSet, i) => {
      const conversions = expectedConversions(adSet, budgets[i]!, this.efficiency(i, this.day));
      return sum + conversions * (this.scenario.goal === "roas" ? adSet.valuePerConversion : 1);
    }, 0);
  }

  /** The entities as the allocator would see them this morning: settling days under-reported. */
  observe(): EntityInput[] {
    return this.scenario.adSets.map((adSet, i) => {
      const state = this.states[i]!;
      const history: DailyStats[] = state.days.map((record, index) => {
        const day = index - this.scenario.warmupDays;
        const share = this.scenario.reportedShare[this.day - day - 1] ?? 1;
        return {
          date: this.dateOf(day),
          spend: record.spend,
          impressions: record.impressions,
          clicks: record.clicks,
          conversions: Math.round(record.conversions * share),
          conversionValue: Math.round(record.value * share),
        };
      });
      return {
        id: adSet.id,
        currentDailyBudget: state.budget,
        minDailyBudget: adSet.minDailyBudget,
        ...(state.editedOnDay !== undefined ? { lastSignificantEditAt: this.dateOf(state.editedOnDay) } : {}),
        history,
      };
    });
  }

  /**
   * Set today's budgets (a change beyond 20% restarts learning), deliver, and
   * move to tomorrow. Returns the day's expected outcome before noise, which
   * includes any learning penalty the new budgets just triggered.
   */
  run(budgets: number[]): number {
    this.states.forEach((state, i) => {
      const next = budgets[i]!;
      const changed = state.budget === 0 ? next > 0 : Math.abs(next / state.budget - 1) > SIGNIFICANT_CHANGE + 1e-9;
      if (changed) {
        state.editedOnDay = this.day;
        state.conversionsSinceEdit = 0;
      }
      state.budget = next;
    });
    const expected = this.expectedOutcome(budgets);
    this.scenario.adSets.forEach((adSet, i) => {
      const state = this.states[i]!;
      const random = mulberry32((this.scenario.seed * 1_000_003 + (this.day + 1000) * 101 + i) >>> 0);
      const spend = state.budget;
      const meanConversions = expectedConversions(adSet, spend, this.efficiency(i, this.day));
      const conversions = poisson(random, meanConversions);
      // Order values vary; the day's total is their sum, approximated by one log-normal draw.
      const value = conversions > 0 ? adSet.valuePerConversion * conversions * Math.exp((0.5 * normal(random)) / Math.sqrt(conversions) - 0.125 / conversions) : 0;
      // A CPM around 10.00: one impression per minor unit spent, give or take 20%.
      const delivery = 0.8 + 0.4 * random();
      const impressions = Math.round(spend * delivery);
      // Clicks that did not convert; the day's delivery swings them as it does impressions.
      const clicks = expectedConversions(adSet, spend, this.clickEfficiency(i, this.day)) * adSet.clicksPerConversion;
      const idle = poisson(random, Math.max(0, clicks - meanConversions) * delivery);
      state.days.push({ spend, conversions, value: Math.round(value), impressions, clicks: conversions + idle });
      if (state.editedOnDay !== undefined && this.day >= state.editedOnDay) state.conversionsSinceEdit += conversions;
    });
    this.day++;
    return expected;
  }
}
