import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startUpstashBridge } from "@/emulators/upstash-redis";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that each test file copies. */
    pgliteTemplate: string | null;
  }
}

const migrate = (env: Record<string, string>) =>
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/migrate.ts"], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });

/**
 * Against real Postgres (DATABASE_URL set), migrate once: workers share it.
 * On PGlite, migrate one template directory once; each test file that touches
 * the database copies it, which costs ~0.3 s instead of ~5 s for a fresh initdb.
 *
 * With REDIS_URL set, the real @upstash/redis client is pointed at a REST bridge
 * to that Redis for every worker, so the KV and rate-limit code runs on Redis.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: Array<() => unknown> = [];
  if (process.env.REDIS_URL) {
    const bridge = await startUpstashBridge({ redisUrl: process.env.REDIS_URL });
    // Workers are forked after this and inherit the environment.
    process.env.UPSTASH_REDIS_REST_URL = bridge.url;
    process.env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
    cleanups.push(() => bridge.close());
  }
  if (process.env.DATABASE_URL) {
    migrate({});
    project.provide("pgliteTemplate", null);
  } else {
    const root = mkdtempSync(path.join(tmpdir(), "adpilot-pglite-"));
    const template = path.join(root, "template");
    migrate({ PGLITE_DATA_DIR: template, DATA_DIR: root });
    project.provide("pgliteTemplate", template);
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  }
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}
