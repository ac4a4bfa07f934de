import { expect, snapshot, test } from "./fixtures";

// The numbers side, as a new sandbox user meets it: nothing yet, Sync now, demo history, then the pages and the export.
test("dashboard sync, demo history, analytics and CSV export on a sandbox account", async ({ page, auth }, testInfo) => {
  // Two syncs (each waits for the sandbox's report) and an optimizer run.
  test.setTimeout(180_000);
  await auth.signUp(auth.newAccount());
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("Connect Meta to see your numbers")).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("button", { name: "Connect Meta account" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Your Meta account is connected.")).toBeVisible();

  await page.goto("/dashboard");
  const panel = page.getByTestId("sync-panel");
  await expect(panel).toContainText("Not synced yet");
  await expect(page.getByText("No performance data yet")).toBeVisible();
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(page).toHaveURL(/\/dashboard\?sync=/);
  // The sync asks the sandbox for its 90-day report, waits for it and reads it; the page refreshes when done.
  await expect(panel).toContainText("Synced just now", { timeout: 60_000 });
  await expect(page.getByText("No spend in the last 28 days")).toBeVisible();
  await snapshot(page, testInfo, "dashboard-synced");

  // The sandbox's demo campaigns: 60 days of history, synced, and every figure on the dashboard.
  await page.getByRole("button", { name: "Add 60 days of demo campaigns" }).click();
  await expect(page.getByText("Spend and results")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("heading", { name: /USD$/ })).toBeVisible();
  const figures = page.getByRole("list", { name: "Key figures" }).getByRole("listitem");
  await expect(figures).toHaveCount(9);
  for (const [index, label] of ["Spend", "Impressions", "Reach", "Clicks", "Results", "CTR", "CPC", "CPA", "ROAS"].entries()) {
    await expect(figures.nth(index)).toContainText(label);
    await expect(figures.nth(index)).toContainText(/compared with the 28 days before/);
  }

  // Today's optimizer run on demand: it compares the three sales campaigns and stores what it would move.
  const recommendations = page.getByTestId("recommendations");
  await recommendations.getByRole("button", { name: "Check for budget moves now" }).click();
  await expect(page).toHaveURL(/optimizer=/);
  await expect(recommendations.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  const card = page.getByTestId("recommendation").first();
  if (await card.isVisible()) {
    await expect(card).toContainText("Move budget to what works");
    await card.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByTestId("recommendation").first()).toContainText("Applied");
  } else {
    await expect(recommendations).toContainText("Nothing to change right now.");
  }
  await snapshot(page, testInfo, "dashboard-demo");
  if (process.env.UPDATE_README_SCREENSHOT) await page.screenshot({ path: "docs/screenshots/dashboard.png", fullPage: true });

  await page.goto("/analytics?range=last_28&sort=spend&dir=desc");
  // The per-campaign table: one row per demo campaign.
  await expect(page.getByRole("row", { name: /Demo: Spring sale/ }).first()).toBeVisible();
  await expect(page.getByRole("row", { name: /Demo: Newsletter sign-ups/ }).first()).toBeVisible();

  await snapshot(page, testInfo, "analytics");
  // The export is a file of what the page shows, for the signed-in user only.
  const response = await page.request.get("/api/analytics/export?range=last_28&table=campaigns");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect(response.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/);
  const csv = await response.text();
  // A byte-order mark first, so Excel reads the file as UTF-8.
  expect(csv.split("\n")[0]).toMatch(/^\uFEFFCampaign,Status,/);
  expect(csv).toContain("Demo: Spring sale");
});
