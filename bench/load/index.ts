// npm run bench:load — 50 signed-in users on `next start` (PostgreSQL) mixing the dashboard,
// library, campaign list and analytics: p50/p95/p99, requests/s and errors per page.
//
//   npm run build && npm run bench:load                 # 60 s per mode
//   npm run bench:load -- --duration=10 --users=20      # a quick trial
//   npm run bench:load -- --cpu-prof=/tmp/prof          # the server writes a V8 CPU profile there
//
// Measures the production build in .next (it refuses to run without one: build first).
// Creates a scratch database (adpilot_bench_load) and a scratch data directory, seeds the
// users, starts `next start` on a free port, signs every user in over HTTP, then runs two
// modes: "users" (each user at most 1 request/s, the p95 < 200 ms target) and "saturation"
// (every connection flat out: the most the server does on this machine). Everything it
// made is removed at the end, however the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { freePort, productionBuildExists, startNextServer } from "./next-server";
import { runMode, type Page, type Visitor } from "./drive";
import { printMode } from "./report";
import { signIn } from "./sign-in";
import { onExit, runExitHooks } from "../support/on-exit";
import { createScratchDatabase, DEFAULT_ADMIN_URL } from "../support/scratch-database";

const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=").slice(1).join("=") ?? fallback;
const SECONDS = Number(option("duration", "60"));
const USERS = Number(option("users", "50"));
const SHAPE = { users: USERS, campaigns: 20, days: 90, creatives: 30 };
const TARGET_P95_MS = 200;
const PASSWORD = "load-bench-password-1";
const CPU_PROFILE_DIR = option("cpu-prof", "");

// Each page and text that only the real page, filled with the seeded data, contains.
const PAGES: Page[] = [
  { path: "/dashboard", marker: "Spend and results" },
  { path: "/library", marker: `${SHAPE.creatives} creatives` },
  { path: "/campaigns", marker: 'data-testid="campaign-figures"' },
  { path: "/analytics", marker: "Over time" },
];

if (!productionBuildExists()) {
  console.error("No production build in .next. Run `npm run build` first: this bench measures what `next start` serves.");
  process.exit(1);
}

// The server, PostgreSQL and autocannon share this machine's cores: anything else running skews the figures.
console.log(`${availableParallelism()} CPU cores, load average ${loadavg()[0]!.toFixed(2)} before the bench started (other work on this machine)`);

try {
  const scratch = await createScratchDatabase("adpilot_bench_load", { adminUrl: option("url", DEFAULT_ADMIN_URL) });
  const dataDir = mkdtempSync(path.join(tmpdir(), "adpilot-load-"));
  onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  // The bench and the server share the database, the secrets and the data directory (generated keys live there).
  const shared = { DATABASE_URL: scratch.url, DATA_DIR: dataDir, AUTH_SECRET: "load-bench-auth-secret-0123456789abcdef01234" };
  // eslint-disable-next-line no-restricted-properties -- set before the app's modules load, so lib/env reads them
  Object.assign(process.env, { ...shared, APP_ENV: "local", LOG_LEVEL: "error" });

  const { closeDb } = await import("@/db");
  const { runMigrations } = await import("@/db/migrate");
  const { seedLoadUsers } = await import("./seed-users");
  await runMigrations();
  let started = performance.now();
  const users = await seedLoadUsers(SHAPE, PASSWORD);
  await closeDb();
  console.log(
    `Seeded ${USERS} users, each with a sandbox ad account, ${SHAPE.campaigns} campaigns × ${SHAPE.days} days of performance, 2 drafts and ${SHAPE.creatives} creatives, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const port = await freePort();
  const logFile = path.join(tmpdir(), "adpilot-bench-load-server.log");
  rmSync(logFile, { force: true });
  started = performance.now();
  const server = await startNextServer({ port, logFile, env: { ...shared, APP_URL: `http://127.0.0.1:${port}` },
    nodeFlags: CPU_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`] : [],
  });
  console.log(`next start ready on ${server.url} in ${((performance.now() - started) / 1000).toFixed(1)} s (server log: ${logFile})`);

  started = performance.now();
  const visitors: Visitor[] = [];
  for (const [index, user] of users.entries()) {
    const ip = `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    visitors.push({ email: user.email, ip, cookie: await signIn(server.url, { email: user.email, password: PASSWORD, ip }) });
  }
  console.log(`Signed in ${visitors.length} users over HTTP (credentials, one address each) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Warm-up, not measured: every user opens every page once (code loaded, JIT, pools filled), checked like the run.
  const warm = await runMode({ baseUrl: server.url, visitors, pages: PAGES, seconds: 5, ratePerUser: 1 });
  const warmProblems = warm.samples.filter((sample) => sample.problem);
  if (warmProblems.length > 0 || warm.samples.length === 0) {
    throw new Error(`warm-up: ${warmProblems.length} of ${warm.samples.length} responses were not the page, e.g. ${warmProblems[0]?.path} ${warmProblems[0]?.problem}`);
  }

  const users1 = printMode(
    `Mode "users": ${USERS} users, each one keep-alive connection at most 1 request/s, ${SECONDS} s`,
    await runMode({ baseUrl: server.url, visitors, pages: PAGES, seconds: SECONDS, ratePerUser: 1 }),
    PAGES,
  );
  const ratio = users1.p95 / TARGET_P95_MS;
  console.log(`  target p95 < ${TARGET_P95_MS} ms and 0 errors: p95/target ${ratio.toFixed(2)}, ${users1.errors} errors${ratio < 1 && users1.errors === 0 ? "" : "  MISSES"}`);

  const saturated = printMode(
    `Mode "saturation": ${USERS} connections flat out (no think time), ${SECONDS} s`,
    await runMode({ baseUrl: server.url, visitors, pages: PAGES, seconds: SECONDS }),
    PAGES,
  );
  console.log(`  max throughput ${saturated.perSecond.toFixed(1)} req/s; at ${USERS} connections, latency ≈ connections / throughput = ${((USERS / saturated.perSecond) * 1000).toFixed(0)} ms`);
} finally {
  await runExitHooks();
}
