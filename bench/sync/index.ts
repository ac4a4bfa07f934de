// npm run bench:sync — Graph calls and wall time to sync 20 ad accounts × 50
// campaigns × 5 ads × 28 days with AdPilot's sync (one async report per
// account) next to the naive way (one insights call per campaign per day), plus
// the upsert throughput of the sync's bulk writes, on PostgreSQL.
//
//   BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sync
//
// A scratch database (adpilot_bench_sync) is created and dropped; the Graph
// emulator runs on a loopback port in this process.
import { randomUUID } from "node:crypto";
import { startCountingGraph, graphBenchEnvironment } from "../support/graph-emulator";
import { runExitHooks } from "../support/on-exit";
import { createScratchDatabase, DEFAULT_ADMIN_URL } from "../support/scratch-database";

const ACCOUNTS = Number(process.argv.find((arg) => arg.startsWith("--accounts="))?.split("=")[1] ?? 20);
const CAMPAIGNS = 50;
const ADS = 5;
const DAYS = 28;
const NAIVE_SAMPLE_ACCOUNTS = Math.min(2, ACCOUNTS);
const CONCURRENCY = 4;

// eslint-disable-next-line no-restricted-properties -- the bench configures the app under test
const scratch = await createScratchDatabase("adpilot_bench_sync", { adminUrl: process.env.BENCH_POSTGRES_URL ?? DEFAULT_ADMIN_URL });
// Every Graph request the emulator serves, counted on its side of the wire.
const graph = await startCountingGraph();

// eslint-disable-next-line no-restricted-properties -- set before the app's modules load, so lib/env reads them
Object.assign(process.env, graphBenchEnvironment(graph.url, scratch.url));

const { db, closeDb } = await import("@/db");
const { runMigrations } = await import("@/db/migrate");
const schema = await import("@/db/schema");
const { sql, eq, inArray } = await import("drizzle-orm");
await import("@/lib/jobs/catalog");
const { startJob } = await import("@/lib/jobs/start-job");
const { executeRun } = await import("@/lib/jobs/execute-run");
const { insightsSyncAccount } = await import("@/lib/analytics/sync/sync-job");
const { storeAdDays } = await import("@/lib/analytics/sync/store-rows");
const { connectSam } = await import("@/lib/campaigns/launch/test-fixtures");
const { graphApiFor } = await import("@/lib/meta/connections");
const { seedEmulatorAccount } = await import("@/lib/analytics/sync/seed-emulator");
const { addDays, localDate } = await import("@/lib/analytics/sync/window");

await runMigrations();

const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });
const now = new Date();
const created = new Date(now.getTime() - (DAYS + 5) * 86_400_000).toISOString();

// --- Seed: the emulator's accounts and the same accounts in AdPilot -----------------
const seedStarted = performance.now();
const [user] = await db.insert(schema.users).values({ email: `bench-${randomUUID()}@example.test` }).returning();
const metaAccountId = await connectSam(user!.id, graph.emulator);
const accounts: Array<{ rowId: string; accountId: string; campaignIds: string[] }> = [];
for (let index = 0; index < ACCOUNTS; index++) {
  const accountId = String(2_200_000_000_000_001 + index);
  const seeded = await seedEmulatorAccount(graph.emulator, {
    accountId,
    currency: "USD",
    timezone: "UTC",
    createdTime: created,
    campaigns: CAMPAIGNS,
    adSetsPerCampaign: 1,
    adsPerAdSet: ADS,
  });
  const [row] = await db
    .insert(schema.metaAdAccounts)
    .values({ userId: user!.id, metaAccountId, adAccountId: `act_${accountId}`, name: `Bench ${index + 1}`, currency: "USD", timezone: "UTC", accountStatus: 1, connected: true })
    .returning({ id: schema.metaAdAccounts.id });
  await db.insert(schema.campaigns).values(
    seeded.campaignIds.map((metaCampaignId, position) => ({
      userId: user!.id,
      metaAccountId,
      adAccountId: `act_${accountId}`,
      metaCampaignId,
      name: `Campaign ${position + 1}`,
      purpose: (["sales", "lead_generation", "retargeting", "brand_awareness"] as const)[position % 4]!,
      status: "active" as const,
      launchState: "launched" as const,
    })),
  );
  // Already back-filled: this run re-pulls the 28-day lookback, as every 4-hourly sync does.
  await db.insert(schema.adAccountSyncs).values({ adAccountId: row!.id, userId: user!.id, status: "succeeded", backfilledFrom: addDays(localDate(now, "UTC"), -89) });
  accounts.push({ rowId: row!.id, accountId, campaignIds: seeded.campaignIds });
}
console.log(`Seeded ${ACCOUNTS} accounts × ${CAMPAIGNS} campaigns × ${ADS} ads in ${fmt((performance.now() - seedStarted) / 1000)} s`);

// --- AdPilot's sync ------------------------------------------------------------------
graph.counts.served = 0;
const syncStarted = performance.now();
async function syncAccount(rowId: string): Promise<void> {
  const { run } = await startJob(insightsSyncAccount, { adAccountId: rowId, trigger: "manual" }, { userId: user!.id, idempotencyKey: `bench:${rowId}` });
  for (let delivery = 0, retries = 0; delivery < 200; delivery++) {
    const outcome = await executeRun(run.id, retries);
    if (outcome.kind === "succeeded") return;
    if (outcome.kind === "failed" || outcome.kind === "skipped") throw new Error(`sync of ${rowId} ended ${JSON.stringify(outcome)}`);
    if (outcome.kind === "retry") retries++;
    // Suspended (waiting for the report): the emulator's reports finish in 1 ms, so deliver again now.
  }
  throw new Error(`sync of ${rowId} did not finish`);
}
const queue = accounts.map((account) => account.rowId);
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let rowId = queue.shift(); rowId; rowId = queue.shift()) await syncAccount(rowId);
  }),
);
const syncMs = performance.now() - syncStarted;
const syncServed = graph.counts.served;
const [totals] = await db
  .select({ calls: sql<number>`sum(${schema.adAccountSyncs.calls})::int`, rows: sql<number>`sum(${schema.adAccountSyncs.rows})::int` })
  .from(schema.adAccountSyncs)
  .where(inArray(schema.adAccountSyncs.adAccountId, accounts.map((account) => account.rowId)));
const [stored] = await db.select({ rows: sql<number>`count(*)::int` }).from(schema.adInsightsDaily).where(eq(schema.adInsightsDaily.userId, user!.id));

// --- The naive way: one insights call per campaign per day (sampled) ----------------
const [connection] = await db.select().from(schema.metaAccounts).where(eq(schema.metaAccounts.id, metaAccountId));
const api = graphApiFor(connection!);
const until = localDate(now, "UTC");
const days = Array.from({ length: DAYS }, (_, index) => addDays(until, -index));
const naiveCalls = accounts.slice(0, NAIVE_SAMPLE_ACCOUNTS).flatMap((account) => account.campaignIds.flatMap((campaignId) => days.map((day) => ({ campaignId, day }))));
graph.counts.served = 0;
let naiveRows = 0;
const naiveStarted = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    for (let call = naiveCalls.shift(); call; call = naiveCalls.shift()) {
      const page = await api.call<{ data?: unknown[] }>("GET", [call.campaignId, "insights"], {
        level: "ad",
        fields: "ad_id,impressions,clicks,spend,actions,action_values",
        time_range: { since: call.day, until: call.day },
        limit: 500,
      });
      naiveRows += page.data?.length ?? 0;
    }
  }),
);
const naiveSampleMs = performance.now() - naiveStarted;
const naiveSampleServed = graph.counts.served;
const scale = ACCOUNTS / NAIVE_SAMPLE_ACCOUNTS;

// --- Upsert throughput of the sync's bulk writes ------------------------------------
const BATCH = 500;
const upsertRows = accounts.flatMap((account, accountIndex) =>
  Array.from({ length: CAMPAIGNS * ADS * DAYS }, (_, index) => ({
    account: account.rowId,
    row: {
      metaAdId: `9${accountIndex}${String(Math.floor(index / DAYS)).padStart(6, "0")}`,
      metaAdSetId: "1",
      metaCampaignId: "1",
      date: days[index % DAYS]!,
      campaignId: null,
      impressions: 1000 + index,
      reach: 900,
      clicks: 31,
      spend: `${(index % 9000) + 1}.${String(index % 100).padStart(2, "0")}`,
      conversions: index % 4,
      conversionValue: "12.34",
      actionType: "offsite_conversion.fb_pixel_purchase",
    },
  })),
);
async function upsertPass(): Promise<number> {
  const started = performance.now();
  for (let offset = 0; offset < upsertRows.length; offset += BATCH) {
    const batch = upsertRows.slice(offset, offset + BATCH);
    await db.transaction((tx) => storeAdDays(tx, { adAccountId: batch[0]!.account, userId: user!.id }, batch.map((item) => item.row)));
  }
  return performance.now() - started;
}
const insertMs = await upsertPass();
const updateMs = await upsertPass();

// With the campaign roll-up: the sync's own page writes, as measured inside the sync above.
const rowsPerSecond = (rows: number, ms: number) => (rows / ms) * 1000;

console.log("");
console.log(`Sync of ${ACCOUNTS} accounts × ${CAMPAIGNS} campaigns × ${ADS} ads × ${DAYS} days (${fmt(stored!.rows)} ad-day rows stored)`);
console.log(`  AdPilot (async report per account): ${fmt(totals!.calls)} Graph calls counted by the sync, ${fmt(syncServed)} served by the emulator, ${fmt(syncMs / 1000)} s wall`);
console.log(`  Naive (one call per campaign per day): ${fmt(naiveSampleServed)} calls and ${fmt(naiveSampleMs / 1000)} s for ${NAIVE_SAMPLE_ACCOUNTS} accounts (${fmt(naiveRows)} rows, Graph only, nothing stored)`);
console.log(`    → ${fmt(naiveSampleServed * scale)} calls, ~${fmt((naiveSampleMs * scale) / 1000)} s for ${ACCOUNTS} accounts; Meta's app limit of 4,800 calls/hour alone would stretch that to ${fmt((naiveSampleServed * scale) / 4800)} h`);
console.log(`  Calls ratio naive / AdPilot: ${fmt((naiveSampleServed * scale) / syncServed)}× fewer (target ≥ 50×)`);
console.log(`  Sync end to end: ${fmt(rowsPerSecond(stored!.rows, syncMs))} rows/s including Graph paging and the campaign roll-up`);
console.log("");
console.log(`Bulk upsert of ad-day rows on PostgreSQL, ${BATCH} rows per statement (${fmt(upsertRows.length)} rows):`);
console.log(`  first write ${fmt(rowsPerSecond(upsertRows.length, insertMs))} rows/s, re-write of the same rows ${fmt(rowsPerSecond(upsertRows.length, updateMs))} rows/s (target ≥ 20,000 rows/s: ${fmt(rowsPerSecond(upsertRows.length, Math.max(insertMs, updateMs)) / 20_000)}× target)`);

await closeDb();
await graph.close();
await runExitHooks();
