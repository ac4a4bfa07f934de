import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// With DATABASE_URL set (CI's second pass) the suites run against real Postgres;
// otherwise each test file gets its own PGlite copied from a migrated template.
const dataDir = mkdtempSync(path.join(tmpdir(), "adpilot-test-"));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker package throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", ".data/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    env: {
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      APP_ENV: "local",
      // Job URLs (and the signatures bound to them) point here; the QStash tests serve on this port.
      APP_URL: "http://127.0.0.1:39017",
      // The Meta sandbox the connect-flow tests serve (one fixed scope for every test user).
      META_GRAPH_URL: "http://127.0.0.1:39018/api/sandbox/graph/0000000000000000000000aa",
    },
    // next-auth imports "next/server" without an extension, which Node cannot resolve outside Next; Vite can.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
