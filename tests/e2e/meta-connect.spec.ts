import { expect, snapshot, test } from "./fixtures";

// Facebook Login through the built-in sandbox, as a marketer without a Meta app sees it.
test.describe("connecting a Meta ad account (sandbox)", () => {
  test.beforeEach(async ({ page, auth }) => {
    await auth.signUp(auth.newAccount());
    await expect(page).toHaveURL(/\/dashboard/);
    await page.goto("/settings");
  });

  test("grant: the ad accounts appear, labelled as sandbox data", async ({ page }, testInfo) => {
    await page.getByRole("button", { name: "Connect Meta account" }).click();
    await expect(page.getByRole("heading", { name: "Sandbox: Facebook Login" })).toBeVisible();
    await snapshot(page, testInfo, "sandbox-consent");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page).toHaveURL(/\/settings\?meta=connected/);
    await expect(page.getByText("Your Meta account is connected.")).toBeVisible();
    const connection = page.getByTestId("meta-connection");
    await expect(connection).toContainText("Sam Sandbox");
    await expect(connection).toContainText("Sandbox: simulated Meta data");
    await expect(connection).toContainText("Access expires in");
    await expect(connection).toContainText("Default");
    await expect(page.getByText("1 of 1 ad account on your plan in use.")).toBeVisible();
    await snapshot(page, testInfo, "meta-connected");

    // The plan allows one: the second account cannot be switched on.
    await connection.getByRole("button", { name: "Manage in AdPilot" }).click();
    await expect(page.getByText("Your plan's ad account limit is reached.")).toBeVisible();

    await connection.getByRole("button", { name: "Disconnect" }).click();
    await expect(page.getByText("Disconnected. AdPilot deleted the access token.")).toBeVisible();
    await expect(page.getByTestId("meta-connection")).toHaveCount(0);
  });

  test("deny: nothing changes", async ({ page }) => {
    await page.getByRole("button", { name: "Connect Meta account" }).click();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("You cancelled the Facebook Login. Nothing was changed.")).toBeVisible();
    await expect(page.getByText("No Meta account connected")).toBeVisible();
  });

  test("a missing permission is explained, with a way to grant it", async ({ page }, testInfo) => {
    await page.getByRole("button", { name: "Connect Meta account" }).click();
    await page.getByRole("checkbox", { name: /ads_read/ }).uncheck();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText(/AdPilot needs permission to manage and read your ads/)).toBeVisible();
    await expect(page.getByText("Missing: ads_read")).toBeVisible();
    await snapshot(page, testInfo, "meta-missing-permission");

    await page.getByRole("button", { name: "Grant missing permissions" }).click();
    await expect(page.getByRole("heading", { name: "Sandbox: Facebook Login" })).toBeVisible();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Your Meta account is connected.")).toBeVisible();
  });
});
