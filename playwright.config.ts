import { defineConfig, devices } from "@playwright/test";

// Specs run against the production build (`next build` first) on its own port and
// data directory, so they never touch your dev database. Debian's Chromium only:
// Playwright is never allowed to download a browser.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);
// The creative spec serves a small brand website here for the analyzer to read.
export const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 3199);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: ci ? 1 : 0,
  reporter: ci ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 60_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npm run start -- --hostname 127.0.0.1 --port ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !ci,
    timeout: 180_000,
    // Server logs in the run's output: CI checks them for leaked secrets.
    stdout: "pipe",
    stderr: "pipe",
    env: { DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e", APP_URL: baseURL, SAFE_FETCH_ALLOWLIST: `127.0.0.1:${SITE_PORT}` },
  },
});
