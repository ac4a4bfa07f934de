import { expect, snapshot, test } from "./fixtures";

// The whole path a new marketer takes: sandbox Meta → a creative → the builder → live on Meta.
test("a new user launches a campaign in the sandbox and sees it active with its Meta ids", async ({ page, auth }, testInfo) => {
  test.setTimeout(180_000);
  await auth.signUp(auth.newAccount());
  await page.waitForURL(/\/dashboard/);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Connect Meta account" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/settings\?meta=connected/);

  // A brand kit by hand (no website) and one square creative.
  await page.goto("/brand");
  await page.getByLabel("Brand name").fill("Harbour Coffee");
  await page.getByRole("button", { name: "Save brand kit" }).click();
  await expect(page.getByRole("heading", { name: "Harbour Coffee" })).toBeVisible();
  await page.goto("/studio");
  await page.getByLabel("Describe the ad").fill("Small-batch coffee, free delivery this week");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByTestId("generation").first().getByText("Done")).toBeVisible({ timeout: 60_000 });

  // Step 0 and 1: goal, Page.
  await page.goto("/campaigns/new");
  await page.getByLabel("Campaign name").fill("Winter coffee sale");
  await page.getByRole("radio", { name: /Sell online/i }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/edit\/purpose$/);
  await expect(page.getByTestId("preflight")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 2: audience, with the AI's advice applied.
  await page.waitForURL(/\/edit\/audience$/);
  await page.getByRole("button", { name: "Recommend an audience" }).click();
  await expect(page.getByTestId("recommendation")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Use this audience" }).click();
  // Feeds only: the creative is square, and the review would (rightly) ask for a 9:16 one for Stories and Reels.
  for (const placement of ["Facebook Stories", "Facebook Reels", "Instagram Stories", "Instagram Reels"]) {
    await page.getByRole("checkbox", { name: placement }).uncheck();
  }
  await page.getByRole("checkbox", { name: "Instagram Feed" }).check();
  await page.getByRole("checkbox", { name: "Facebook Feed" }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 3: budget.
  await page.waitForURL(/\/edit\/budget$/);
  await page.getByLabel(/Amount/).fill("25");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 4: the square creative with the words the AI wrote, and a destination.
  await page.waitForURL(/\/edit\/creatives$/);
  await page.getByRole("button", { name: /image 1:1/ }).first().click();
  await page.getByLabel("Destination URL").fill("https://harbour-coffee.example/shop");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 5: review and launch.
  await page.waitForURL(/\/edit\/review$/);
  await expect(page.getByTestId("estimate")).toContainText("An estimate, not a promise");
  await snapshot(page, testInfo, "campaign-review");
  await page.getByRole("button", { name: "Launch on Meta" }).click();

  await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Active", { exact: true })).toBeVisible({ timeout: 60_000 });
  const ids = page.getByTestId("meta-ids");
  await expect(ids).not.toContainText("not created yet");
  await expect(ids).toContainText(/\d{6,}/);
  await snapshot(page, testInfo, "campaign-live");

  await page.goto("/campaigns");
  await expect(page.getByTestId("campaign-row")).toContainText("Winter coffee sale");
  await expect(page.getByTestId("campaign-row")).toContainText("Active");
});
