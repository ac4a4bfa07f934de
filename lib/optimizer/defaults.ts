/**
 * The allocator's tuning, each with the reason for its value. Guardrail
 * defaults can be overridden per call; the model constants cannot, because the
 * benchmark (bench/optimizer) is what justifies them.
 */

/** Meta treats budget edits beyond ~20% as significant and may restart learning. In percent. */
export const DEFAULT_MAX_CHANGE_PCT = 20;

/**
 * A floor under the probability gate: with fewer recent conversions the
 * posterior leans on its prior. Ten held small accounts still for weeks in the
 * bench (0.82 of oracle at 50/day against 0.88 with five). Three since clicks
 * carry the cost-per-click half of the evidence: five then held 50/day
 * accounts still for their first week (0.911 of oracle against 0.924 with
 * three, 60 scenarios), and two gained nothing that noise could not explain;
 * the 0.8 probability gate still stops moves on noise.
 */
export const DEFAULT_MIN_CONVERSIONS_TO_ACT = 3;

/** Delivery is unstable for a few days after any significant edit, whatever the volume. */
export const DEFAULT_FREEZE_DAYS_AFTER_EDIT = 3;

/** Meta's learning phase: about 50 results in the 7 days after a significant edit. */
export const LEARNING_RESULTS = 50;
export const LEARNING_WINDOW_DAYS = 7;

/** A move needs at least this posterior probability of being an improvement. */
export const MIN_PROBABILITY_OF_IMPROVEMENT = 0.8;

/**
 * Evidence halves in weight every 21 days, so creative fatigue shows within a
 * few weeks while a small account still keeps enough conversions to judge
 * (14 days cost small accounts about 2 points of oracle share in the bench).
 */
export const HALF_LIFE_DAYS = 21;

/**
 * Clicks are dozens of times more numerous than conversions, so their current
 * level can forget much faster and still be precise: a falling CTR (creative
 * fatigue) shows within days. 4 days: 0.928 of oracle at 50/day against 0.924
 * at 21 (60 scenarios); 7 and 2 were no different. Only the level: the
 * curvature is still learned over HALF_LIFE_DAYS, which 1,000/day accounts
 * need (0.959 with a 4-day curvature against 0.972).
 */
export const CLICK_HALF_LIFE_DAYS = 4;

/** History older than this carries under 3% weight and is skipped. */
export const LOOKBACK_DAYS = 70;

/**
 * Share of a day's conversions Meta has reported after 1, 2 and 3 days
 * (yesterday is 1). Exposure is scaled by it so settling days do not look bad,
 * and their weight is scaled by it too because the late share is uncertain.
 */
export const REPORTED_SHARE_BY_AGE = [1, 0.6, 0.8, 0.95];

/**
 * Diminishing returns: expected results = efficiency × spend^elasticity, with
 * each entity's elasticity learned from how its results moved when its budget
 * did (a grid posterior). The prior says a 10% larger budget brings about 8%
 * more results, give or take 1.5 points; an entity whose budget never moved keeps
 * that prior. Elasticity 1 (no saturation at all) is left out of the grid
 * because it would tell the allocator to pour everything into one entity.
 */
export const ELASTICITY_GRID = Array.from({ length: 19 }, (_, k) => 0.05 * (k + 1));
export const ELASTICITY_PRIOR_MEAN = 0.8;
export const ELASTICITY_PRIOR_SD = 0.15;

/**
 * Weight of the account average in each entity's estimate, in conversions: an
 * entity needs several conversions of its own before it looks far from the
 * account, so one lucky sale does not attract budget. Three rather than five:
 * the conversion floor and the probability gate already guard against luck.
 */
export const PRIOR_CONVERSIONS = 3;

/**
 * The same weight for the account's conversion rate per click, when clicks are
 * reported. Stronger shrinkage (6, 12) lost 1–2 points at 50/day: conversion
 * rates differ between ad sets about as much as costs per click do.
 */
export const PRIOR_CONVERSIONS_PER_CLICK_RATE = 3;

/** Posterior draws behind each probability; ±0.03 at p = 0.8 is precise enough to gate on. */
export const POSTERIOR_DRAWS = 400;

/** Used when the caller gives no seed, so the result is still reproducible. */
export const DEFAULT_SEED = 20_240_801;

/** Window the reason sentences quote, matching how marketers read reports. */
export const REPORT_WINDOW_DAYS = 14;
