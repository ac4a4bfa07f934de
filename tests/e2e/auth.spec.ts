import { expect, snapshot, test } from "./fixtures";

test("a new marketer signs up, lands on the dashboard, signs out and signs back in", async ({ page, auth }, testInfo) => {
  const account = auth.newAccount();
  await auth.signUp(account);

  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "Hello, Sam" })).toBeVisible();
  await expect(page.getByText("Welcome to AdPilot! Your account is ready.")).toBeVisible();
  await expect(page.getByText("0 of 4 done")).toBeVisible();
  await expect(page.getByText("Connect Meta to see your numbers")).toBeVisible();
  await snapshot(page, testInfo, "dashboard-after-sign-up");

  await auth.signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await auth.signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Hello, Sam" })).toBeVisible();
  await snapshot(page, testInfo, "dashboard-after-sign-in");
});

test("a signed-out visitor to /dashboard is sent to sign in, and back after", async ({ page, auth }, testInfo) => {
  const account = auth.newAccount();
  await auth.signUp(account);
  await expect(page).toHaveURL(/\/dashboard/);
  await auth.signOut();

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await snapshot(page, testInfo, "sign-in-redirect");

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByText("Plan and limits")).toBeVisible();
});

test("clear errors for a duplicate email, a weak password and wrong credentials", async ({ page, auth }, testInfo) => {
  const account = auth.newAccount();
  await auth.signUp({ ...account, password: "short" });
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  // What was typed stays, except the password.
  await expect(page.getByLabel("Work email")).toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await auth.signUp(account);
  await expect(page).toHaveURL(/\/dashboard/);
  await auth.signOut();

  await auth.signUp(account);
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();

  await auth.signIn(account.email, "Not-the-password-1");
  await expect(page.getByRole("alert").filter({ hasText: "match an account" })).toContainText("That email and password don't match an account.");
  await expect(page.locator("body")).not.toContainText("Not-the-password-1");
  await snapshot(page, testInfo, "wrong-password");
});

test("on a phone the sidebar folds into a menu sheet", async ({ page, auth }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await auth.signUp(auth.newAccount());
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  await page.getByRole("button", { name: "Open navigation" }).click();
  const sheet = page.getByRole("dialog");
  await expect(sheet.getByRole("link", { name: "Campaigns" })).toBeVisible();
  await snapshot(page, testInfo, "mobile-navigation");
  await sheet.getByRole("link", { name: "Campaigns" }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByText("No campaigns yet")).toBeVisible();
});

test("the landing page says what AdPilot does", async ({ page }, testInfo) => {
  const response = await page.goto("/");
  // Never framed (a framed "Apply" or "Launch" button could be clickjacked), no sniffing, HTTPS pinned.
  const headers = response!.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Scripts only with this response's nonce, which Next.js put on each of its own.
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce)).toBe(true);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Run Meta ads");
  await expect(page.getByRole("heading", { name: "Simple plans" })).toBeVisible();
  await snapshot(page, testInfo, "landing");
  await page.getByRole("link", { name: "Get started", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("Settings shows the plan limits and links to an honest Activity page", async ({ page, auth }, testInfo) => {
  await auth.signUp(auth.newAccount());
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("link", { name: "Settings" }).first().click();
  await expect(page.getByText("You are on the Starter plan.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Active campaigns/ })).toContainText("3");
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page).toHaveURL(/\/settings\/activity$/);
  await expect(page.getByText("Nothing has run yet")).toBeVisible();
  await snapshot(page, testInfo, "activity-empty");
});
