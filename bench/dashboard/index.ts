// npm run bench:dashboard — p50/p95 of each dashboard query on PostgreSQL for a user
// with 1,000 campaigns × 365 days. Creates a scratch database next to the one named by
// --url (default: local Postgres), migrates it, seeds it, measures, and drops it.
import { percentile } from "@/lib/observability/percentile";
import { runExitHooks } from "../support/on-exit";
import { createScratchDatabase, DEFAULT_ADMIN_URL } from "../support/scratch-database";
import { seedCampaignHistory } from "../support/seed-analytics";

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=").slice(1).join("=") ?? fallback;
const adminUrl = option("url", DEFAULT_ADMIN_URL);
const runs = Number(option("runs", "50"));
const campaignCount = Number(option("campaigns", "1000"));
const dayCount = Number(option("days", "365"));
const keep = process.argv.includes("--keep"); // leave the database for EXPLAIN
const TARGET_P95_MS = 50;

const scratch = await createScratchDatabase("bench_dashboard", { adminUrl, keep });
// Set before the app's modules load, so lib/env reads them (a bench run is its own process).
// eslint-disable-next-line no-restricted-properties -- configuring the app under test, not reading config
Object.assign(process.env, { DATABASE_URL: scratch.url, APP_ENV: "local", LOG_LEVEL: "error" });

const { db, closeDb } = await import("@/db");
const { runMigrations } = await import("@/db/migrate");
const { sql } = await import("drizzle-orm");
const { kpiSummary, dailySeries, campaignRows, sortRows } = await import("@/lib/analytics/queries");
const { campaignPerformance } = await import("@/lib/analytics/campaign-performance");
const { presetRange } = await import("@/lib/analytics/range");

/** Rows of a raw statement (postgres.js returns them as the result itself). */
const rows = async <Row>(query: ReturnType<typeof sql>): Promise<Row[]> => (await db.execute(query)) as unknown as Row[];

try {
  await runMigrations();
  const today = new Date().toISOString().slice(0, 10);
  const seedStarted = performance.now();
  // Generated in SQL: one statement per table, no row data crossing the wire.
  const [user] = await rows<{ id: string }>(sql`insert into users (email, name) values ('bench@example.test', 'Bench') returning id`);
  const userId = user!.id;
  // A second tenant with the same shape, so the user_id filter has something to skip.
  const [other] = await rows<{ id: string }>(sql`insert into users (email, name) values ('other@example.test', 'Other') returning id`);
  await seedCampaignHistory(db, { userId, campaigns: campaignCount, days: dayCount, today, eurEvery: 10 });
  await seedCampaignHistory(db, { userId: other!.id, campaigns: Math.ceil(campaignCount / 4), days: dayCount, today, eurEvery: 10 });
  // Ad-level rows for the campaign the detail query reads: 5 ads × every day.
  const [detail] = await rows<{ id: string }>(sql`select id from campaigns where user_id = ${userId} order by name limit 1`);
  await db.execute(sql`insert into meta_accounts (user_id, meta_user_id, name, access_token) values (${userId}, 'bench', 'Bench', 'not-a-token')`);
  await db.execute(sql`
    insert into meta_ad_accounts (user_id, meta_account_id, ad_account_id, name, currency, timezone, account_status, connected)
    select ${userId}, id, 'act_1', 'Bench', 'USD', 'UTC', 1, true from meta_accounts where user_id = ${userId}`);
  await db.execute(sql`
    insert into ad_insights_daily (ad_account_id, meta_ad_id, date, user_id, campaign_id, meta_campaign_id, meta_ad_set_id, impressions, clicks, spend, conversions, conversion_value)
    select a.id, 'ad-' || n, (${today}::date - d), ${userId}, ${detail!.id}, '121', '131', (random() * 4000)::bigint, (random() * 80)::bigint,
      round((random() * 100)::numeric, 2), (random() * 3)::bigint, round((random() * 400)::numeric, 2)
    from meta_ad_accounts a cross join generate_series(1, 5) as n cross join generate_series(0, ${dayCount - 1}) as d
    where a.user_id = ${userId}`);
  // What autovacuum would have done on a live database: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
  const [{ count }] = (await rows<{ count: string }>(sql`select count(*)::text as count from performance_analytics where user_id = ${userId}`)) as [{ count: string }];
  console.log(`Seeded ${count} performance rows for ${campaignCount} campaigns (+ a second tenant) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s\n`);

  async function measure(fn: () => Promise<unknown>) {
    for (let i = 0; i < 5; i++) await fn(); // warm-up: plan cache, buffers, JIT
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await fn();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 0.5)!, p95: percentile(samples, 0.95)! };
  }

  const results: Array<{ query: string; days: number; p50: number; p95: number }> = [];
  for (const preset of ["last_28", "last_90"] as const) {
    const range = presetRange(preset, today);
    const scope = { range, campaignIds: [] };
    const days = preset === "last_28" ? 28 : 90;
    results.push({ query: "KPIs + previous period", days, ...(await measure(() => kpiSummary(userId, scope))) });
    results.push({ query: "time series", days, ...(await measure(() => dailySeries(userId, scope, "USD", today))) });
    results.push({ query: "campaign table, sorted", days, ...(await measure(async () => sortRows(await campaignRows(userId, scope, "USD"), "cpa", "asc"))) });
    results.push({ query: "campaign detail", days, ...(await measure(() => campaignPerformance(userId, detail!.id, range, today))) });
  }

  console.log(`${"query".padEnd(26)} ${"range".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  p95/${TARGET_P95_MS} ms`);
  for (const row of results) {
    const ratio = row.p95 / TARGET_P95_MS;
    console.log(`${row.query.padEnd(26)} ${`${row.days} d`.padStart(6)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)}  ${ratio.toFixed(2)}${ratio > 1 ? "  MISSES" : ""}`);
  }
} finally {
  await closeDb();
  await runExitHooks();
}
