import type { EmulatorContext } from "./context";
import { GraphError } from "./errors";
import type { UsageRecord } from "./types";

/**
 * Meta's throttling, simplified to the parts clients react to:
 * - per ad account score: reads 1 point, writes 3, decaying linearly to zero over
 *   300 s; max 60 (development tier) or 9000 (standard). At >= 100 % calls fail with 17/2446079.
 * - per ad account ads_management business-use-case quota per hour:
 *   300 (dev) / 100000 (standard) + 40 × active ads. Beyond it calls fail with 80004/2446079.
 * - insights calls (the insights edges, async report runs and their reads) are
 *   charged to the ads_insights business use case instead: (uncertain numbers, Meta's
 *   published formula) 600 (dev) / 190000 (standard) + 400 × active ads per hour,
 *   80000/2446079 beyond it. They cost 1 point in the account score (an async
 *   POST is a read too) and carry `X-FB-Ads-Insights-Throttle`
 *   {app_id_util_pct, acc_id_util_pct}.
 * - per app call count per hour (X-App-Usage); beyond it 4 "Application request limit reached".
 * total_time / total_cputime are not measured; they are reported as fixed fractions of call_count.
 */
export type AccessTier = "development" | "standard";

/** The business use case a call is charged to (X-Business-Use-Case-Usage `type`). */
export type UseCase = "ads_management" | "ads_insights";

export const LIMITS = {
  development: { accountScoreMax: 60, bucCallsPerHour: 300, insightsCallsPerHour: 600, tier: "development_access" },
  standard: { accountScoreMax: 9000, bucCallsPerHour: 100_000, insightsCallsPerHour: 190_000, tier: "standard_access" },
  decaySeconds: 300,
  readPoints: 1,
  writePoints: 3,
  bucCallsPerActiveAd: 40,
  insightsCallsPerActiveAd: 400,
  appCallsPerHour: 4800,
} as const;

const HOUR_MS = 3_600_000;

export type UsageSnapshot = {
  accountId?: string;
  /** which business use case `bucPct` and `regainMinutes` describe (default ads_management) */
  useCase?: UseCase;
  accountPct: number;
  resetSeconds: number;
  bucPct: number;
  regainMinutes: number;
  appPct: number;
};

const emptyUsage = (id: string, now: Date): UsageRecord => ({ id, score: 0, updatedAt: now.toISOString(), windowStart: now.toISOString(), calls: 0 });

const tierOf = (ctx: EmulatorContext) => LIMITS[ctx.accessTier];
/** points per second: a full score drains in decaySeconds */
const decayRate = (ctx: EmulatorContext) => tierOf(ctx).accountScoreMax / LIMITS.decaySeconds;

function decayed(ctx: EmulatorContext, record: UsageRecord, now: Date): number {
  const elapsed = (now.getTime() - new Date(record.updatedAt).getTime()) / 1000;
  return Math.max(0, record.score - elapsed * decayRate(ctx));
}

function windowed(record: UsageRecord, now: Date): UsageRecord {
  return now.getTime() - new Date(record.windowStart).getTime() >= HOUR_MS ? { ...record, windowStart: now.toISOString(), calls: 0 } : record;
}

async function bucket(ctx: EmulatorContext, id: string): Promise<UsageRecord> {
  return (await ctx.store.get("usage", id)) ?? emptyUsage(id, ctx.now());
}

async function bucQuota(ctx: EmulatorContext, accountId: string, useCase: UseCase): Promise<number> {
  const activeAds = (await ctx.store.list("ads", { accountId, status: "ACTIVE" })).length;
  return useCase === "ads_insights"
    ? tierOf(ctx).insightsCallsPerHour + LIMITS.insightsCallsPerActiveAd * activeAds
    : tierOf(ctx).bucCallsPerHour + LIMITS.bucCallsPerActiveAd * activeAds;
}

/** Hourly call window of one account and use case. */
const bucId = (accountId: string, useCase: UseCase) => (useCase === "ads_insights" ? `ins:${accountId}` : `buc:${accountId}`);

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Current usage without charging a call; used for headers. */
export async function usageSnapshot(ctx: EmulatorContext, accountId: string | undefined, useCase: UseCase = "ads_management"): Promise<UsageSnapshot> {
  const now = ctx.now();
  const app = windowed(await bucket(ctx, `app:${ctx.appId}`), now);
  const snapshot: UsageSnapshot = { accountId, useCase, accountPct: 0, resetSeconds: 0, bucPct: 0, regainMinutes: 0, appPct: Math.round((app.calls / LIMITS.appCallsPerHour) * 100) };
  if (!accountId) return snapshot;
  const score = decayed(ctx, await bucket(ctx, `acc:${accountId}`), now);
  const buc = windowed(await bucket(ctx, bucId(accountId, useCase)), now);
  const quota = await bucQuota(ctx, accountId, useCase);
  const max = tierOf(ctx).accountScoreMax;
  const rate = decayRate(ctx);
  snapshot.accountPct = round2((score / max) * 100);
  snapshot.resetSeconds = Math.ceil(score / rate);
  snapshot.bucPct = Math.round((buc.calls / quota) * 100);
  // Access returns once the score decays below the max, or when the hourly window rolls over.
  const scoreWaitSeconds = score >= max ? (score - max) / rate + 1 : 0;
  const windowWaitSeconds = buc.calls >= quota ? (new Date(buc.windowStart).getTime() + HOUR_MS - now.getTime()) / 1000 : 0;
  snapshot.regainMinutes = Math.ceil(Math.max(scoreWaitSeconds, windowWaitSeconds) / 60);
  return snapshot;
}

/**
 * Charges one call and throws the throttling error if the caller is already over a limit.
 * Throttled calls are not charged, so waiting out the decay is enough to recover.
 */
export async function chargeCall(ctx: EmulatorContext, accountId: string | undefined, isWrite: boolean, useCase: UseCase = "ads_management"): Promise<void> {
  const now = ctx.now();
  const app = windowed(await bucket(ctx, `app:${ctx.appId}`), now);
  if (app.calls >= LIMITS.appCallsPerHour) throw new GraphError({ message: "(#4) Application request limit reached", code: 4, isTransient: true });

  if (accountId) {
    const acc = await bucket(ctx, `acc:${accountId}`);
    const score = decayed(ctx, acc, now);
    if (score >= tierOf(ctx).accountScoreMax) throw accountThrottled();
    const buc = windowed(await bucket(ctx, bucId(accountId, useCase)), now);
    if (buc.calls >= (await bucQuota(ctx, accountId, useCase))) throw useCase === "ads_insights" ? insightsThrottled() : bucThrottled();
    await ctx.store.put("usage", { ...acc, score: score + (isWrite ? LIMITS.writePoints : LIMITS.readPoints), updatedAt: now.toISOString() });
    await ctx.store.put("usage", { ...buc, calls: buc.calls + 1 });
  }
  await ctx.store.put("usage", { ...app, calls: app.calls + 1 });
}

export const accountThrottled = () =>
  new GraphError({
    message: "(#17) User request limit reached",
    code: 17,
    subcode: 2446079,
    isTransient: true,
    userTitle: "Ad Account Has Too Many API Calls",
    userMsg: "There have been too many calls from this ad-account. Please wait a bit and try again.",
  });

const bucThrottled = () =>
  new GraphError({
    message:
      "There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.",
    code: 80004,
    subcode: 2446079,
    isTransient: true,
    userTitle: "Ad Account Has Too Many API Calls",
    userMsg: "There have been too many calls from this ad-account. Please wait a bit and try again.",
  });

const insightsThrottled = () =>
  new GraphError({
    message:
      "There have been too many calls to this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-insights.",
    code: 80000,
    subcode: 2446079,
    isTransient: true,
    userTitle: "Ad Account Has Too Many API Calls",
    userMsg: "There have been too many calls from this ad-account. Please wait a bit and try again.",
  });

/** Meta's usage headers: JSON strings, percentages. */
export function usageHeaders(ctx: EmulatorContext, usage: UsageSnapshot): Record<string, string> {
  const tier = tierOf(ctx).tier;
  const headers: Record<string, string> = {
    "x-app-usage": JSON.stringify({ call_count: usage.appPct, total_cputime: Math.round(usage.appPct * 0.4), total_time: Math.round(usage.appPct * 0.6) }),
  };
  if (!usage.accountId) return headers;
  headers["x-ad-account-usage"] = JSON.stringify({ acc_id_util_pct: usage.accountPct, reset_time_duration: usage.resetSeconds, ads_api_access_tier: tier });
  headers["x-business-use-case-usage"] = JSON.stringify({
    [usage.accountId]: [
      {
        type: usage.useCase ?? "ads_management",
        call_count: usage.bucPct,
        total_cputime: Math.round(usage.bucPct * 0.4),
        total_time: Math.round(usage.bucPct * 0.6),
        estimated_time_to_regain_access: usage.regainMinutes,
        ads_api_access_tier: tier,
      },
    ],
  });
  if (usage.useCase === "ads_insights") headers["x-fb-ads-insights-throttle"] = JSON.stringify({ app_id_util_pct: usage.appPct, acc_id_util_pct: usage.bucPct });
  return headers;
}
