import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

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
 */
export default function setup(project: TestProject): () => void {
  if (process.env.DATABASE_URL) {
    migrate({});
    project.provide("pgliteTemplate", null);
    return () => {};
  }
  const root = mkdtempSync(path.join(tmpdir(), "adpilot-pglite-"));
  const template = path.join(root, "template");
  migrate({ PGLITE_DATA_DIR: template, DATA_DIR: root });
  project.provide("pgliteTemplate", template);
  return () => rmSync(root, { recursive: true, force: true });
}
