/**
 * A posterior per entity over two unknowns, where expected results per day =
 * θ·spend^β:
 * - β, the elasticity (diminishing returns), on a grid, learned from how the
 *   entity's results moved when its budget did, and otherwise left at the prior;
 * - θ, the efficiency, Gamma–Poisson given β, with the account's own average as
 *   the prior mean weighted as PRIOR_CONVERSIONS results, so small entities are
 *   shrunk toward the account and only leave it with evidence.
 * Each grid point's weight is its prior times the Gamma–Poisson marginal
 * likelihood, which has a closed form, so no sampling is needed to fit.
 *
 * When every entity reports clicks, conversions are modelled as clicks × a
 * conversion rate instead: clicks = φ·spend^β is fitted from the clicks, which
 * are dozens of times more numerous than conversions, and only the conversion
 * rate is Gamma–Poisson, shrunk toward the account's. Then θ = rate·φ, so the
 * same (shape, rate) per grid point describes it and everything downstream is
 * unchanged. Small accounts gain most: an ad set's cost per click is known
 * within days while its cost per conversion would take weeks.
 *
 * For the ROAS goal a "result" is conversion value measured in the account's
 * average order value, so the same Poisson machinery applies: one average order
 * counts as one result. Order values vary, so this understates the noise a
 * little; the probability gate and the conversion-count gate absorb that.
 */
import {
  ELASTICITY_GRID,
  ELASTICITY_PRIOR_MEAN,
  ELASTICITY_PRIOR_SD,
  PRIOR_CONVERSIONS,
  PRIOR_CONVERSIONS_PER_CLICK_RATE,
} from "./defaults";
import type { Evidence } from "./evidence";
import { gamma, type Random } from "./random";

export type Posterior = {
  /** Probability of each elasticity in ELASTICITY_GRID. */
  weights: number[];
  /** Gamma shape and rate of θ given each elasticity. */
  shape: number[];
  rate: number[];
};

export type AccountRate = {
  /** Results per unit of spend^β across the account, per grid elasticity: the prior means. */
  efficiency: number[];
  /** Conversions per unit of spend, for "how many conversions should this spend have bought". */
  conversionsPerSpend: number;
  /** Minor units of value per result (1 for the CPA goal). */
  valuePerResult: number;
  /** Results per (settling-scaled) click across the account; null when clicks are missing anywhere, so spend is used. */
  resultsPerClick: number | null;
};

const LOG_PRIOR = ELASTICITY_GRID.map((beta) => -0.5 * ((beta - ELASTICITY_PRIOR_MEAN) / ELASTICITY_PRIOR_SD) ** 2);

/** Σ weight·share·spend^β for every grid β: the exposure behind the results. */
export function exposureByElasticity(evidence: Evidence): number[] {
  return ELASTICITY_GRID.map((beta) =>
    evidence.days.reduce((sum, day) => sum + (day.spend > 0 ? day.weight * day.share * Math.pow(day.spend, beta) : 0), 0),
  );
}

/** Null when the account has no spend or no results to compare against. */
export function accountRateOf(evidence: Evidence[], exposures: number[][], goal: "cpa" | "roas"): AccountRate | null {
  let spend = 0;
  let conversions = 0;
  let value = 0;
  for (const entity of evidence) {
    spend += entity.spend;
    conversions += entity.conversions;
    value += entity.value;
  }
  const outcome = goal === "cpa" ? conversions : value;
  if (!(spend > 0) || !(outcome > 0) || !(conversions > 0)) return null;
  const valuePerResult = goal === "cpa" ? 1 : value / conversions;
  const results = outcome / valuePerResult;
  return {
    efficiency: ELASTICITY_GRID.map((_, k) => results / exposures.reduce((sum, entity) => sum + entity[k]!, 0)),
    conversionsPerSpend: conversions / spend,
    valuePerResult,
    resultsPerClick: reportsClicks(evidence) ? results / evidence.reduce((sum, entity) => sum + entity.clicks, 0) : null,
  };
}

/**
 * Clicks are trusted only when every entity that spent reports some, and never
 * fewer than its conversions: otherwise (view-through conversions, a feed that
 * leaves clicks out) a conversion rate per click would be nonsense.
 */
function reportsClicks(evidence: Evidence[]): boolean {
  return evidence.every((entity) => entity.spend <= 0 || (entity.clicks > 0 && entity.clicks >= entity.conversions));
}

function resultsOf(day: { conversions: number; value: number }, account: AccountRate, goal: "cpa" | "roas"): number {
  return goal === "cpa" ? day.conversions : day.value / account.valuePerResult;
}

function normalise(logWeights: number[]): number[] {
  const top = Math.max(...logWeights);
  const unnormalised = logWeights.map((log) => Math.exp(log - top));
  const total = unnormalised.reduce((sum, weight) => sum + weight, 0);
  return unnormalised.map((weight) => weight / total);
}

export function posteriorOf(entity: Evidence, exposure: number[], account: AccountRate, goal: "cpa" | "roas"): Posterior {
  const byClicks = account.resultsPerClick !== null ? clickPosteriorOf(entity, account, goal) : null;
  if (byClicks) return byClicks;
  const results = resultsOf(entity, account, goal);
  // Σ weight·results·log(spend): the only part of the likelihood's numerator that depends on β.
  let resultsLogSpend = 0;
  for (const day of entity.days) {
    if (day.spend > 0) resultsLogSpend += day.weight * resultsOf(day, account, goal) * Math.log(day.spend);
  }
  const shape = ELASTICITY_GRID.map(() => PRIOR_CONVERSIONS + results);
  const priorRate = account.efficiency.map((efficiency) => PRIOR_CONVERSIONS / efficiency);
  const rate = priorRate.map((prior, k) => prior + exposure[k]!);
  const logWeights = ELASTICITY_GRID.map(
    (beta, k) =>
      LOG_PRIOR[k]! +
      beta * resultsLogSpend +
      PRIOR_CONVERSIONS * Math.log(priorRate[k]!) -
      shape[k]! * Math.log(rate[k]!),
  );
  return { weights: normalise(logWeights), shape, rate };
}

/**
 * results/day = rate · clicks, clicks/day = φ·spend^β. β's weights come from
 * the clicks' Poisson likelihood with φ profiled out, divided by the clicks'
 * over-dispersion (days vary more than Poisson: CPM moves), so thousands of
 * clicks do not pretend to pin β down more than they do.
 */
function clickPosteriorOf(entity: Evidence, account: AccountRate, goal: "cpa" | "roas"): Posterior | null {
  let clicks = 0;
  let clicksLogSpend = 0;
  for (const day of entity.days) {
    if (day.spend <= 0) continue;
    clicks += day.recency * day.clicks;
    clicksLogSpend += day.recency * day.clicks * Math.log(day.spend);
  }
  // No clicks on the days it spent: no click curve to fit, so the spend model decides.
  if (!(clicks > 0)) return null;
  const prior = PRIOR_CONVERSIONS_PER_CLICK_RATE;
  const shapeOfRate = prior + resultsOf(entity, account, goal);
  const rateOfRate = prior / account.resultsPerClick! + entity.clicks;
  const spendPower = ELASTICITY_GRID.map((beta) =>
    entity.days.reduce((sum, day) => sum + (day.spend > 0 ? day.recency * Math.pow(day.spend, beta) : 0), 0),
  );
  const logLikelihood = ELASTICITY_GRID.map((beta, k) => beta * clicksLogSpend - clicks * Math.log(spendPower[k]!));
  // Dispersion measured around the best fit, so a wrong elasticity is not mistaken for noise.
  const best = logLikelihood.reduce((top, value, k) => (value > logLikelihood[top]! ? k : top), 0);
  const dispersion = clickDispersion(entity, ELASTICITY_GRID[best]!, clicks / spendPower[best]!);
  const logWeights = logLikelihood.map((log, k) => LOG_PRIOR[k]! + log / dispersion);
  // The curvature is a stable trait and is learned over the long memory; the
  // level φ drifts with fatigue, so it is read from the recent clicks only.
  let recentClicks = 0;
  const recentSpendPower = ELASTICITY_GRID.map(() => 0);
  for (const day of entity.days) {
    if (day.spend <= 0) continue;
    recentClicks += day.clickRecency * day.clicks;
    ELASTICITY_GRID.forEach((beta, k) => (recentSpendPower[k]! += day.clickRecency * Math.pow(day.spend, beta)));
  }
  // Clicks that all stopped lately leave the long-memory level as the best guess.
  const level = recentClicks > 0 ? { clicks: recentClicks, power: recentSpendPower } : { clicks, power: spendPower };
  return {
    weights: normalise(logWeights),
    shape: ELASTICITY_GRID.map(() => shapeOfRate),
    // θ = rate·φ with φ = clicks ÷ Σ recency·spend^β known, so θ's Gamma rate is the conversion rate's ÷ φ.
    rate: level.power.map((power) => (rateOfRate * power) / level.clicks),
  };
}

/** Pearson χ² per day of the clicks around the fit scale·spend^beta, at least 1 (Poisson). */
function clickDispersion(entity: Evidence, beta: number, scale: number): number {
  let chi = 0;
  let days = 0;
  for (const day of entity.days) {
    if (day.spend <= 0) continue;
    const mean = scale * Math.pow(day.spend, beta);
    if (mean > 0) chi += (day.recency * (day.clicks - mean) ** 2) / mean;
    days += day.recency;
  }
  return days > 1 ? Math.max(1, chi / days) : 1;
}

/** Spend below one minor unit would give a power law an infinite marginal return. */
function floorSpend(spend: number): number {
  return Math.max(spend, 1);
}

/** Posterior-mean marginal results per extra unit of spend at `spend`. */
export function meanMarginal(posterior: Posterior, spend: number): number {
  return ELASTICITY_GRID.reduce(
    (sum, beta, k) =>
      sum + posterior.weights[k]! * beta * (posterior.shape[k]! / posterior.rate[k]!) * Math.pow(floorSpend(spend), beta - 1),
    0,
  );
}

export function meanElasticity(posterior: Posterior): number {
  return ELASTICITY_GRID.reduce((sum, beta, k) => sum + posterior.weights[k]! * beta, 0);
}

function sampleMarginal(posterior: Posterior, spend: number, random: Random): number {
  let u = random();
  let k = 0;
  while (k < ELASTICITY_GRID.length - 1 && u >= posterior.weights[k]!) {
    u -= posterior.weights[k]!;
    k++;
  }
  const beta = ELASTICITY_GRID[k]!;
  const theta = gamma(random, posterior.shape[k]!) / posterior.rate[k]!;
  return beta * theta * Math.pow(floorSpend(spend), beta - 1);
}

/** Joint posterior draws of every entity's marginal return at its budget: draws × entities. */
export function drawMarginals(posteriors: Posterior[], budgets: number[], draws: number, random: Random): Float64Array[] {
  return Array.from({ length: draws }, () => {
    const row = new Float64Array(posteriors.length);
    posteriors.forEach((posterior, i) => (row[i] = sampleMarginal(posterior, budgets[i]!, random)));
    return row;
  });
}
