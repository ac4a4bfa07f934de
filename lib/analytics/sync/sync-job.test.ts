import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, resultRows } from "@/db";
import { adAccountSyncs, adInsightsDaily, jobSteps, metaAccounts, performanceAnalytics } from "@/db/schema";
import { SANDBOX, startGraphEmulator, type FaultKind, type GraphEmulator } from "@/emulators/meta-graph";
import type { FaultPlan } from "@/emulators/meta-graph/faults";
import { connectSam } from "@/lib/campaigns/launch/test-fixtures";
import { startJob } from "@/lib/jobs/start-job";
import { metaConfig } from "@/lib/meta/config";
import { createUser } from "@/tests/support/tenancy";
import "@/lib/jobs/catalog";
import { insightsSyncAccount } from "./sync-job";
import { driveRun, groundTruth, linkAccount, seedEmulatorAccount, sumTruth, type SeededAccount, type Truth } from "./test-fixtures";

const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/meta/config", async (original) => ({
  ...(await original<typeof import("@/lib/meta/config")>()),
  metaEndpoints: () => ({ graphUrl: graph.url, dialogUrl: graph.url }),
}));

/**
 * Tuesday 2026-01-20, 18:00 UTC: 13:00 in New York, 10:00 in Los Angeles, 19:00
 * in Berlin, all on the 20th. Ads were made in October and stop at the local
 * midnight that began "today", so every day's numbers are final to the second.
 */
const NOW = Date.parse("2026-01-20T18:00:00Z");
const CREATED = "2025-10-01T00:00:00Z";
const BACKFILL = { since: "2025-10-23", until: "2026-01-20" };

let graphEmulator: { url: string; emulator: GraphEmulator; close(): Promise<void> };
let emulator: GraphEmulator;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  graphEmulator = await startGraphEmulator({ appId: metaConfig().appId, appSecret: metaConfig().appSecret, accessTier: "standard" });
  emulator = graphEmulator.emulator;
  graph.url = graphEmulator.url;
});
afterAll(async () => {
  vi.useRealTimers();
  await graphEmulator.close();
});
beforeEach(() => vi.setSystemTime(NOW));
afterEach(() => emulator.faults.clear());

const LA = { timezone: "America/Los_Angeles", endTime: "2026-01-20T08:00:00Z" };
const NY = { timezone: "America/New_York", endTime: "2026-01-20T05:00:00Z" };
const BERLIN = { timezone: "Europe/Berlin", endTime: "2026-01-19T23:00:00Z" };

let nextAccount = 2_100_000_000_000_001;
const freshAccountId = () => String(nextAccount++);

async function setup(accounts: Array<Omit<Parameters<typeof seedEmulatorAccount>[1], "createdTime">>) {
  const user = await createUser();
  const metaAccountId = await connectSam(user.id, emulator);
  const linked: Array<{ seeded: SeededAccount; adAccountRowId: string; campaignIds: Map<string, string> }> = [];
  for (const options of accounts) {
    const seeded = await seedEmulatorAccount(emulator, { ...options, createdTime: CREATED });
    linked.push({ seeded, ...(await linkAccount(user.id, metaAccountId, seeded)) });
  }
  return { user, metaAccountId, linked };
}

async function sync(userId: string, adAccountRowId: string, key: string, options: Parameters<typeof driveRun>[1] = {}) {
  const { run } = await startJob(insightsSyncAccount, { adAccountId: adAccountRowId, trigger: "manual" }, { userId, idempotencyKey: key });
  const outcomes = await driveRun(run.id, options);
  return { runId: run.id, outcomes, last: outcomes[outcomes.length - 1]! };
}

/** Sums of what the sync stored, straight from SQL: money as exact decimal text. */
type StoredTotals = { rows: string; spend: string; impressions: string; clicks: string; conversions: string; value: string };
async function storedTotals(where: ReturnType<typeof sql>): Promise<StoredTotals> {
  const [row] = await db.execute(sql`
    select count(*)::text as rows, coalesce(sum(spend), 0)::text as spend, coalesce(sum(impressions), 0)::text as impressions,
      coalesce(sum(clicks), 0)::text as clicks, coalesce(sum(conversions), 0)::text as conversions, coalesce(sum(conversion_value), 0)::text as value
    from ad_insights_daily where ${where}`).then((result) => resultRows<StoredTotals>(result));
  return row!;
}

const cents = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
const decimal = (text: string) => Number(text).toFixed(2);

function expectMatches(stored: StoredTotals, truth: Truth) {
  expect({
    rows: Number(stored.rows),
    spend: decimal(stored.spend),
    impressions: Number(stored.impressions),
    clicks: Number(stored.clicks),
    conversions: Number(stored.conversions),
    value: decimal(stored.value),
  }).toEqual({ rows: truth.rows, spend: cents(truth.spendMinor), impressions: truth.impressions, clicks: truth.clicks, conversions: truth.conversions, value: cents(truth.valueMinor) });
}

/** Everything the sync wrote for a user, in a stable order, for before/after comparisons. */
async function snapshot(userId: string) {
  const ads = await db
    .select({ ad: adInsightsDaily.metaAdId, date: adInsightsDaily.date, spend: adInsightsDaily.spend, impressions: adInsightsDaily.impressions, conversions: adInsightsDaily.conversions, value: adInsightsDaily.conversionValue })
    .from(adInsightsDaily)
    .where(eq(adInsightsDaily.userId, userId))
    .orderBy(adInsightsDaily.metaAdId, adInsightsDaily.date);
  const campaigns = await db
    .select({ campaign: performanceAnalytics.campaignId, date: performanceAnalytics.date, spend: performanceAnalytics.spend, conversions: performanceAnalytics.conversions, value: performanceAnalytics.conversionValue, cpa: performanceAnalytics.cpa, roas: performanceAnalytics.roas, ctr: performanceAnalytics.ctr })
    .from(performanceAnalytics)
    .where(eq(performanceAnalytics.userId, userId))
    .orderBy(performanceAnalytics.campaignId, performanceAnalytics.date);
  return { ads, campaigns };
}

/** Fails the nth page read of a report (GET …/insights) in the given way, whatever comes before it. */
function failNthPageRead(n: number, failure: FaultKind) {
  const faults = emulator.faults;
  const take = faults.take.bind(faults);
  let reads = 0;
  faults.take = (method, path) => {
    const plan = take(method, path);
    return method === "GET" && /\/insights$/.test(path) && ++reads === n ? { ...plan, failure: failure as FaultPlan["failure"] } : plan;
  };
  restoreTake = () => {
    faults.take = take;
  };
}
let restoreTake = () => {};
afterEach(() => restoreTake());

const syncRow = async (adAccountRowId: string) => (await db.select().from(adAccountSyncs).where(eq(adAccountSyncs.adAccountId, adAccountRowId)))[0]!;

describe("insights sync against the Graph emulator", () => {
  it("syncs several accounts with hundreds of ads over 90 days to the cent, and a rerun changes nothing", { timeout: 240_000 }, async () => {
    const { user, linked } = await setup([
      { accountId: SANDBOX.sam.adAccountId, currency: "USD", ...LA, campaigns: 8, adSetsPerCampaign: 2, adsPerAdSet: 6 },
      { accountId: SANDBOX.sam.eurAdAccountId, currency: "EUR", ...BERLIN, campaigns: 6, adSetsPerCampaign: 2, adsPerAdSet: 6 },
      { accountId: freshAccountId(), currency: "USD", ...NY, campaigns: 6, adSetsPerCampaign: 2, adsPerAdSet: 5 },
    ]);
    expect(linked.reduce((total, account) => total + account.seeded.tree.ads.length, 0)).toBe(228);

    for (const [index, account] of linked.entries()) {
      const { last } = await sync(user.id, account.adAccountRowId, `big-${index}`);
      expect(last).toEqual({ kind: "succeeded" });
      const state = await syncRow(account.adAccountRowId);
      expect(state).toMatchObject({ status: "succeeded", error: null, backfilledFrom: BACKFILL.since, windowSince: BACKFILL.since, windowUntil: BACKFILL.until });
      expect(state.calls).toBeGreaterThanOrEqual(3);
      expect(state.calls).toBeLessThan(40);

      const truth = groundTruth(account.seeded, BACKFILL, new Date(NOW).toISOString());
      expect(state.rows).toBe(sumTruth(truth.values()).rows);
      // The whole account, ad rows included for the campaign made outside AdPilot.
      expectMatches(await storedTotals(sql`ad_account_id = ${account.adAccountRowId}`), sumTruth(truth.values()));
      // Every AdPilot campaign's day rows roll up to exactly its truth; the outside one is not rolled up.
      for (const [metaCampaignId, expected] of truth) {
        const campaignId = account.campaignIds.get(metaCampaignId);
        const [rolled] = await db
          .select({ spend: sql<string>`coalesce(sum(${performanceAnalytics.spend}), 0)::text`, conversions: sql<string>`coalesce(sum(${performanceAnalytics.conversions}), 0)::text`, value: sql<string>`coalesce(sum(${performanceAnalytics.conversionValue}), 0)::text`, clicks: sql<string>`coalesce(sum(${performanceAnalytics.clicks}), 0)::text` })
          .from(performanceAnalytics)
          .where(and(eq(performanceAnalytics.userId, user.id), campaignId ? eq(performanceAnalytics.campaignId, campaignId) : sql`false`));
        if (!campaignId) {
          expect(decimal(rolled!.spend)).toBe("0.00");
          continue;
        }
        expect({ spend: decimal(rolled!.spend), conversions: Number(rolled!.conversions), value: decimal(rolled!.value), clicks: Number(rolled!.clicks) }).toEqual({
          spend: cents(expected.spendMinor),
          conversions: expected.conversions,
          value: cents(expected.valueMinor),
          clicks: expected.clicks,
        });
      }
    }

    // Ratios are derived from the sums, and null where the denominator is zero (awareness has no conversions).
    const [ratios] = await db.execute<{ bad: string; nullCpa: string }>(sql`
      select count(*) filter (where cpa is not null and conversions = 0 or roas is not null and spend = 0)::text as bad,
        count(*) filter (where cpa is null)::text as "nullCpa"
      from performance_analytics where user_id = ${user.id}`).then(resultRows<{ bad: string; nullCpa: string }>);
    expect(ratios!.bad).toBe("0");
    expect(Number(ratios!.nullCpa)).toBeGreaterThan(0);

    // The dashboard's roll-ups agree with the campaign rows: each campaign's running total on its
    // last day is its sum, and the user's daily totals per currency are the campaigns' days added up.
    const [rollups] = await db.execute(sql`
      with sums as (select campaign_id, sum(spend) as spend, sum(conversions) as conversions, max(date) as last from performance_analytics where user_id = ${user.id} group by campaign_id)
      select
        (select count(*) from sums s join performance_analytics p on p.campaign_id = s.campaign_id and p.date = s.last
          where p.cum_spend <> s.spend or p.cum_conversions <> s.conversions)::text as "badRunning",
        (select count(*) from (
          select c.currency, p.date, sum(p.spend) as spend, sum(p.clicks) as clicks from performance_analytics p join campaigns c on c.id = p.campaign_id
          where p.user_id = ${user.id} group by c.currency, p.date) x
          full join (select * from user_daily_performance where user_id = ${user.id}) u on u.currency = x.currency and u.date = x.date
          where u.spend is distinct from x.spend or u.clicks is distinct from x.clicks)::text as "badDaily",
        (select count(*) from user_daily_performance where user_id = ${user.id})::text as "dailyRows"`).then((result) => resultRows<{ badRunning: string; badDaily: string; dailyRows: string }>(result));
    // Two currencies × 89 days: nothing delivers "today" (the ads stopped at local midnight).
    expect(rollups).toEqual({ badRunning: "0", badDaily: "0", dailyRows: String(2 * 89) });

    const before = await snapshot(user.id);
    vi.setSystemTime(NOW + 3_600_000);
    for (const [index, account] of linked.entries()) {
      expect((await sync(user.id, account.adAccountRowId, `again-${index}`)).last).toEqual({ kind: "succeeded" });
      // Later syncs re-pull the lookback window only.
      expect(await syncRow(account.adAccountRowId)).toMatchObject({ windowSince: "2025-12-24", windowUntil: "2026-01-20", backfilledFrom: BACKFILL.since });
    }
    expect(await snapshot(user.id)).toEqual(before);
  });

  /** One account of 40 ads, back-filled 90 days: 3,600 ad-days in 8 pages of 500. */
  async function small(currency = "USD") {
    const { user, metaAccountId, linked } = await setup([{ accountId: freshAccountId(), currency, ...NY, campaigns: 4, adSetsPerCampaign: 2, adsPerAdSet: 5 }]);
    const account = linked[0]!;
    const truth = sumTruth(groundTruth(account.seeded, BACKFILL, new Date(NOW).toISOString()).values());
    const check = async () => expectMatches(await storedTotals(sql`ad_account_id = ${account.adAccountRowId}`), truth);
    return { user, metaAccountId, account, truth, check };
  }

  it("waits out a rate-limit block mid-sync for as long as Meta says, then finishes with nothing lost or doubled", { timeout: 120_000 }, async () => {
    const { user, account, check } = await small();
    // The third page read is blocked, with Meta estimating 7 minutes until access returns.
    failNthPageRead(3, { kind: "rateLimit", regainMinutes: 7 });
    const seen: string[] = [];
    const { last, outcomes } = await sync(user.id, account.adAccountRowId, "blocked", {
      onSuspend: async (outcome) => {
        const state = await syncRow(account.adAccountRowId);
        if (state.status === "waiting") seen.push(`${state.status}:${Math.round((outcome.resumeAt.getTime() - Date.now()) / 60_000)}`);
      },
    });
    expect(last).toEqual({ kind: "succeeded" });
    // Paused as a delayed re-delivery of at least Meta's 7 minutes; no retries spent.
    expect(seen[0]).toMatch(/^waiting:(7|8|9|10)$/);
    expect(outcomes.filter((outcome) => outcome.kind === "retry")).toHaveLength(0);
    await check();
    expect(await syncRow(account.adAccountRowId)).toMatchObject({ status: "succeeded", error: null, pausedUntil: null });
  });

  it("pauses the account at 85% of Meta's limit before the next call, and resumes when usage has decayed", { timeout: 120_000 }, async () => {
    const { user, account, check } = await small();
    // The account arrives at 91% of its score (standard tier: 9,000 points, decaying over 300 s).
    const accountId = account.seeded.accountId;
    await emulator.store.put("usage", { id: `acc:${accountId}`, score: 8200, updatedAt: new Date(NOW).toISOString(), windowStart: new Date(NOW).toISOString(), calls: 0 });
    const waits: number[] = [];
    const { last } = await sync(user.id, account.adAccountRowId, "busy", {
      onSuspend: (outcome) => {
        waits.push(Math.round((outcome.resumeAt.getTime() - Date.now()) / 1000));
      },
    });
    expect(last).toEqual({ kind: "succeeded" });
    // The first answer said 91%: the next call waited the 2 minutes peers use at 85-95%.
    expect(waits[0]).toBeGreaterThanOrEqual(120);
    await check();
  });

  it("retries a failed report once, then splits it into campaigns, and still stores every row once", { timeout: 120_000 }, async () => {
    const { user, account, check, truth } = await small();
    // One campaign was archived today (after its last delivery): its history must survive the split.
    const archived = (await emulator.store.get("campaigns", account.seeded.campaignIds[0]!))!;
    await emulator.store.put("campaigns", { ...archived, status: "ARCHIVED", statusHistory: [{ at: CREATED, status: "ACTIVE" }, { at: new Date(NOW).toISOString(), status: "ARCHIVED" }] });
    emulator.faults.add({ kind: "reportRunFailure", atPercent: 30, times: 2, path: new RegExp(`act_${account.seeded.accountId}/insights$`) });
    const { last, runId } = await sync(user.id, account.adAccountRowId, "split");
    expect(last).toEqual({ kind: "succeeded" });
    await check();
    const steps = (await db.select({ name: jobSteps.name }).from(jobSteps).where(eq(jobSteps.runId, runId))).map((step) => step.name);
    expect(steps).toEqual(expect.arrayContaining(["submit:account:1", "submit:account:2", "split:account"]));
    // One report per campaign after the split, each read to the end.
    expect(steps.filter((name) => /^submit:campaign:\d+:1$/.test(name))).toHaveLength(4);
    expect((await syncRow(account.adAccountRowId)).rows).toBe(truth.rows);
  });

  it("halves the page size when Meta asks for less data", { timeout: 120_000 }, async () => {
    const { user, account, check } = await small();
    emulator.faults.add({
      kind: "error",
      code: 100,
      subcode: 1487534,
      message: "Please reduce the amount of data you're asking for, then retry your request",
      method: "GET",
      path: /\/insights$/,
      times: 2,
    });
    const { last, runId } = await sync(user.id, account.adAccountRowId, "too-much");
    expect(last).toEqual({ kind: "succeeded" });
    await check();
    const [first] = await db.select({ result: jobSteps.result }).from(jobSteps).where(and(eq(jobSteps.runId, runId), eq(jobSteps.name, "page:account:1:0")));
    expect(first!.result).toMatchObject({ $step: { limit: 125, rows: 125 } });
  });

  it("stops an account whose token expires mid-sync, marks the connection for reconnect, and catches up after", { timeout: 120_000 }, async () => {
    const { user, metaAccountId, account, check } = await small();
    failNthPageRead(2, { kind: "tokenExpired" });
    const { last } = await sync(user.id, account.adAccountRowId, "expired");
    expect(last).toMatchObject({ kind: "failed" });
    const [connection] = await db.select().from(metaAccounts).where(eq(metaAccounts.id, metaAccountId));
    expect(connection!.status).toBe("reconnect_required");
    const state = await syncRow(account.adAccountRowId);
    expect(state.status).toBe("failed");
    expect(state.error).toMatch(/reconnect/i);
    // The page read before the expiry is stored; nothing else, and nothing twice.
    expect(Number((await storedTotals(sql`ad_account_id = ${account.adAccountRowId}`)).rows)).toBe(500);

    await db.update(metaAccounts).set({ status: "active", statusReason: null }).where(eq(metaAccounts.id, metaAccountId));
    expect((await sync(user.id, account.adAccountRowId, "reconnected")).last).toEqual({ kind: "succeeded" });
    // Never backfilled successfully before, so the retry covers the full 90 days again.
    expect(await syncRow(account.adAccountRowId)).toMatchObject({ status: "succeeded", backfilledFrom: BACKFILL.since });
    await check();
  });

  it("rides out Meta's transient errors without spending the run's retries", { timeout: 120_000 }, async () => {
    const { user, account, check } = await small();
    emulator.faults.add({ kind: "transient", code: 2, times: 2, path: /\/insights$/ });
    emulator.faults.add({ kind: "http500", method: "GET", times: 1 });
    const { last, outcomes } = await sync(user.id, account.adAccountRowId, "flaky");
    expect(last).toEqual({ kind: "succeeded" });
    expect(outcomes.filter((outcome) => outcome.kind === "retry")).toHaveLength(0);
    await check();
  });

  it("starts one sync per account at a time", async () => {
    const { user, account } = await small();
    const first = await startJob(insightsSyncAccount, { adAccountId: account.adAccountRowId, trigger: "manual" }, { userId: user.id, idempotencyKey: "one" });
    const { executeRun } = await import("@/lib/jobs/execute-run");
    expect((await executeRun(first.run.id, 0)).kind).toBe("suspended");
    const second = await sync(user.id, account.adAccountRowId, "two");
    expect(second.last).toEqual({ kind: "succeeded" });
    const { jobRuns } = await import("@/db/schema");
    const [run] = await db.select({ result: jobRuns.result }).from(jobRuns).where(eq(jobRuns.id, second.runId));
    expect(run!.result).toEqual({ skipped: "Another sync of this ad account is already running." });
  });
});
