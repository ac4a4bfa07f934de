// npm run bench:soak — the insight sync of several ad accounts against the standalone Meta
// emulator while it fails ~10% of Graph calls at random (transient codes 1 and 2, bare HTTP
// 500s) and blocks one account with a rate limit (estimated_time_to_regain_access) mid-sync.
// Jobs go through the durable machinery as in the embedded default: the outbox, the local
// dispatcher, signed deliveries to the executor over HTTP, steps replayed after each pause
// or retry. Then it checks nothing was lost or duplicated: every account synced, ad-day rows
// and totals equal to the emulator's ground truth to the cent, no duplicate keys, roll-ups
// consistent; and prints calls, injected errors, retries, pauses and wall time.
//
//   npm run bench:soak
//   npm run bench:soak -- --accounts=4 --error-rate=0.2 --seed=7
//
// Waits the machinery schedules (the rate-limit pause, retry back-off) are skipped by moving
// the process clock forward (see bench/support/virtual-clock.ts), so the run takes about a
// minute of real time. A scratch database (adpilot_bench_soak) is created and dropped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { graphBenchEnvironment, startCountingGraph } from "../support/graph-emulator";
import { onExit, runExitHooks } from "../support/on-exit";
import { createScratchDatabase } from "../support/scratch-database";
import { installVirtualClock } from "../support/virtual-clock";
import type { Totals } from "./soak-checks";

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=").slice(1).join("=") ?? fallback;
const ACCOUNTS = Number(option("accounts", "10"));
const ERROR_RATE = Number(option("error-rate", "0.1"));
const SEED = Number(option("seed", "20261125"));
const SHAPE = { campaigns: 10, adSetsPerCampaign: 2, adsPerAdSet: 5 };
const TIMEZONES = ["America/New_York", "Europe/Berlin", "America/Los_Angeles", "UTC", "Asia/Tokyo"];
const REGAIN_MINUTES = 3;
const TIMEOUT_MS = 170_000;

const clock = installVirtualClock();

/** A repeatable generator: the same calls fail on every run with the same seed (as far as timing allows). */
const seeded = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });

let failed = false;
try {
  const scratch = await createScratchDatabase("adpilot_bench_soak");
  const graph = await startCountingGraph();
  onExit(() => graph.close());
  const dataDir = mkdtempSync(path.join(tmpdir(), "adpilot-soak-"));
  onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  // eslint-disable-next-line no-restricted-properties -- set before the app's modules load, so lib/env reads them
  Object.assign(process.env, { ...graphBenchEnvironment(graph.url, scratch.url), DATA_DIR: dataDir });

  const { db, closeDb } = await import("@/db");
  onExit(closeDb);
  const { runMigrations } = await import("@/db/migrate");
  const schema = await import("@/db/schema");
  const { eq, inArray } = await import("drizzle-orm");
  const { connectSam } = await import("@/lib/campaigns/launch/test-fixtures");
  const { seedEmulatorAccount } = await import("@/lib/analytics/sync/seed-emulator");
  const { linkAccount } = await import("@/lib/analytics/sync/link-account");
  const { groundTruth, sumTruth } = await import("@/lib/analytics/sync/ground-truth");
  const { insightsSyncAccount } = await import("@/lib/analytics/sync/sync-job");
  const { startJob } = await import("@/lib/jobs/start-job");
  const { metrics } = await import("@/lib/observability/metrics");
  const { deliverUntilDone } = await import("./soak-delivery");
  const { adDayTotals, campaignDayTotals, compareTotals, rollUpMismatches, sumTotals } = await import("./soak-checks");
  await runMigrations();

  // --- Seed: ad accounts full of delivering ads in the emulator, the same accounts in AdPilot ---
  const now = new Date();
  // Delivery ended at the UTC midnight before yesterday: every day in every zone is final, whatever the clock does.
  const endTime = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1)).toISOString();
  const [user] = await db.insert(schema.users).values({ email: "soak@bench.test" }).returning();
  const metaAccountId = await connectSam(user!.id, graph.emulator);
  const accounts = [];
  for (let index = 0; index < ACCOUNTS; index++) {
    const seededAccount = await seedEmulatorAccount(graph.emulator, {
      accountId: String(2_400_000_000_000_001 + index),
      currency: index % 2 === 0 ? "USD" : "EUR",
      timezone: TIMEZONES[index % TIMEZONES.length]!,
      createdTime: new Date(now.getTime() - 100 * 86_400_000).toISOString(),
      endTime,
      ...SHAPE,
    });
    accounts.push({ seeded: seededAccount, ...(await linkAccount(user!.id, metaAccountId, seededAccount)) });
  }
  const adsPerAccount = SHAPE.campaigns * SHAPE.adSetsPerCampaign * SHAPE.adsPerAdSet;
  console.log(`Seeded ${ACCOUNTS} ad accounts × ${SHAPE.campaigns} campaigns × ${SHAPE.adSetsPerCampaign} ad sets × ${SHAPE.adsPerAdSet} ads (the last campaign of each made outside AdPilot), first sync: 90-day back-fill`);

  // --- Faults: ~ERROR_RATE of all Graph calls fail at random, one insights page read is rate-limited mid-sync ---
  const random = seeded(SEED);
  for (const failure of [{ kind: "transient", code: 1 }, { kind: "transient", code: 2 }, { kind: "http500" }] as const) {
    // Three independent rules at a third of the rate each: together ≈ ERROR_RATE.
    graph.emulator.faults.add({ ...failure, times: Infinity, probability: 1 - (1 - ERROR_RATE) ** (1 / 3), random });
  }
  const expectedPageReads = ACCOUNTS * Math.ceil((adsPerAccount * 90) / 500);
  const blockAt = Math.ceil(expectedPageReads / 2);
  let pageReads = 0;
  const take = graph.emulator.faults.take.bind(graph.emulator.faults);
  graph.emulator.faults.take = (method, graphPath) => {
    // A report's pages are read from /<report run id>/insights.
    if (method === "GET" && /^\/v[\d.]+\/\d+\/insights$/.test(graphPath) && ++pageReads === blockAt) {
      graph.emulator.faults.add({ kind: "rateLimit", regainMinutes: REGAIN_MINUTES, method: "GET", path: /\/insights$/ });
    }
    return take(method, graphPath);
  };

  // --- The syncs, through the durable job machinery ---
  graph.counts.served = 0;
  const started = performance.now();
  const runIds = [];
  for (const account of accounts) {
    const { run } = await startJob(insightsSyncAccount, { adAccountId: account.adAccountRowId, trigger: "manual" }, { userId: user!.id, idempotencyKey: `soak:${account.adAccountRowId}` });
    runIds.push(run.id);
  }
  const log = await deliverUntilDone(runIds, insightsSyncAccount.name, clock, TIMEOUT_MS);
  const wallSeconds = (performance.now() - started) / 1000;

  // --- What happened ---
  const runs = await db.select().from(schema.jobRuns).where(inArray(schema.jobRuns.id, runIds));
  const syncs = await db.select().from(schema.adAccountSyncs).where(eq(schema.adAccountSyncs.userId, user!.id));
  const seen = Object.fromEntries((await metrics.metaCalls.get()).values.map((value) => [String(value.labels.outcome), value.value]));
  const injected = graph.counts.injected;
  const injectedTotal = Object.values(injected).reduce((total, n) => total + n, 0);
  const transientInjected = injectedTotal - (injected.rateLimit ?? 0);
  console.log("");
  console.log(`Graph calls: ${fmt(graph.counts.served)} served by the emulator, ${fmt(syncs.reduce((total, sync) => total + sync.calls, 0))} counted by the syncs`);
  console.log(
    `Injected: ${transientInjected} transient errors (${fmt((transientInjected / graph.counts.served) * 100)}% of calls, rate set to ${fmt(ERROR_RATE * 100)}%: ${injected.transient ?? 0} code 1/2, ${injected.http500 ?? 0} bare HTTP 500) and ${injected.rateLimit ?? 0} rate-limit block (estimated_time_to_regain_access ${REGAIN_MINUTES} min)`,
  );
  console.log(`AdPilot's Graph client saw: ${Object.entries(seen).map(([outcome, n]) => `${n} ${outcome}`).join(", ")}`);
  const retriedInStep = (seen.transient ?? 0) - (log.outcomes.retry ?? 0);
  console.log(`Retries: ${retriedInStep} Graph calls retried inside their step, ${log.outcomes.retry ?? 0} deliveries failed and redelivered by the dispatcher (${log.redeliveries} redeliveries)`);
  console.log(`Deliveries: ${Object.entries(log.outcomes).map(([outcome, n]) => `${n} ${outcome}`).join(", ")}; run attempts ${runs.reduce((total, run) => total + run.attempts, 0)} for ${runs.length} runs`);
  console.log(`Pauses: ${log.pauses.length ? log.pauses.map((pause) => `${pause.seconds} s ("${pause.reason}")`).join("; ") : "none"}`);
  console.log(`Wall time: ${fmt(wallSeconds)} s real; ${fmt(clock.skippedMs() / 1000)} s of scheduled waiting skipped on the virtual clock`);

  // --- Checks: nothing lost, nothing doubled, roll-ups consistent ---
  const checks = [];
  const succeeded = runs.filter((run) => run.status === "succeeded").length;
  const synced = syncs.filter((sync) => sync.status === "succeeded" && sync.backfilledFrom).length;
  checks.push({ name: "runs succeeded", expected: String(ACCOUNTS), actual: String(succeeded), ok: succeeded === ACCOUNTS });
  checks.push({ name: "accounts synced (back-filled)", expected: String(ACCOUNTS), actual: String(synced), ok: synced === ACCOUNTS });
  const asOf = new Date().toISOString();
  const truths = { all: [] as ReturnType<typeof sumTruth>[], linked: [] as ReturnType<typeof sumTruth>[] };
  const stored = { ads: [] as Totals[], campaigns: [] as Totals[] };
  for (const account of accounts) {
    const sync = syncs.find((row) => row.adAccountId === account.adAccountRowId);
    const truth = groundTruth(account.seeded, { since: sync?.windowSince ?? "", until: sync?.windowUntil ?? "" }, asOf);
    truths.all.push(sumTruth(truth.values()));
    truths.linked.push(sumTruth([...truth].filter(([metaCampaignId]) => account.campaignIds.has(metaCampaignId)).map(([, value]) => value)));
    stored.ads.push(await adDayTotals(account.adAccountRowId));
    stored.campaigns.push(await campaignDayTotals(user!.id, `act_${account.seeded.accountId}`));
  }
  const adsStored = sumTotals(stored.ads);
  const campaignsStored = sumTotals(stored.campaigns);
  checks.push(...compareTotals("ad-day rows vs Meta", adsStored, sumTruth(truths.all), { rows: true }));
  checks.push(...compareTotals("campaign-days vs Meta (linked campaigns)", campaignsStored, sumTruth(truths.linked), { rows: false }));
  checks.push({ name: "duplicate ad-day keys", expected: "0", actual: String(Number(adsStored.rows) - Number(adsStored.keys)), ok: adsStored.rows === adsStored.keys });
  checks.push({ name: "duplicate campaign-day keys", expected: "0", actual: String(Number(campaignsStored.rows) - Number(campaignsStored.keys)), ok: campaignsStored.rows === campaignsStored.keys });
  const mismatches = await rollUpMismatches(user!.id);
  checks.push({ name: "campaign-days ≠ sum of their ad rows", expected: "0", actual: String(mismatches.campaignDays), ok: mismatches.campaignDays === 0 });
  checks.push({ name: "running totals ≠ sum of the days", expected: "0", actual: String(mismatches.runningTotals), ok: mismatches.runningTotals === 0 });
  checks.push({ name: "user daily totals ≠ sum of campaigns", expected: "0", actual: String(mismatches.userDays), ok: mismatches.userDays === 0 });

  console.log("\nChecks");
  for (const check of checks) console.log(`  ${check.ok ? "OK  " : "FAIL"} ${check.name.padEnd(56)} expected ${check.expected.padStart(16)}, got ${check.actual.padStart(16)}`);
  failed = checks.some((check) => !check.ok);
  console.log(failed ? "\nSOAK FAILED: something was lost, doubled or left unsynced." : "\nNothing lost, nothing duplicated.");
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await runExitHooks();
}
process.exit(failed ? 1 : 0);
