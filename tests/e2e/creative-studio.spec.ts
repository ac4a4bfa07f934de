import { createServer, type Server } from "node:http";
import { SITE_PORT } from "../../playwright.config";
import { expect, snapshot, test } from "./fixtures";

const SITE = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8"><title>Harbour Coffee Roasters | Small-batch coffee in Portsmouth</title>
<meta name="description" content="Small-batch coffee roasted every Tuesday by the harbour. Free delivery on subscriptions.">
<meta name="theme-color" content="#0b5d56">
<link rel="apple-touch-icon" href="/logo.svg">
<style>:root { --brand: #0b5d56; --accent: #e9a23b } body { font-family: "Poppins", sans-serif; color: #1c1c1c; background: #fbf7f0 }
.button { background: var(--accent); color: #1c1c1c } h1 { color: #0b5d56 }</style>
</head><body>
<header><img src="/logo.svg" alt="Harbour Coffee logo"></header>
<main><h1>Coffee roasted by the sea</h1><h2>Fresh beans, delivered free</h2>
<p>We roast small batches of ethically sourced coffee every Tuesday and send them out the same day. Subscribe and save 10% on every bag.</p>
<a class="button" href="/shop">Shop beans</a></main></body></html>`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="96" fill="#0b5d56"/><path d="M60 120h80v12H60z" fill="#e9a23b"/></svg>`;

let site: Server;
test.beforeAll(async () => {
  site = createServer((request, response) => {
    if (request.url === "/logo.svg") response.writeHead(200, { "content-type": "image/svg+xml" }).end(LOGO);
    else response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(SITE);
  });
  await new Promise<void>((resolve) => site.listen(SITE_PORT, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

test("a marketer turns a website into a brand kit, generates two formats and finds them by tag", async ({ page, auth }, testInfo) => {
  test.setTimeout(120_000);
  await auth.signUp(auth.newAccount());
  await page.waitForURL(/\/dashboard/);

  // Brand: analyze the locally served site.
  await page.goto("/brand");
  await page.getByLabel("Your website").fill(`http://127.0.0.1:${SITE_PORT}/`);
  await page.getByRole("button", { name: "Analyze" }).click();
  await expect(page.getByRole("heading", { name: "Harbour Coffee Roasters" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Brand colours")).toContainText("#0b5d56");
  await expect(page.getByRole("img", { name: "Harbour Coffee Roasters logo" })).toBeVisible();
  await snapshot(page, testInfo, "brand-kit");

  // Studio: two formats, offline, with a tag to find them by.
  await page.goto("/studio");
  await page.getByLabel("Describe the ad").fill("Fresh coffee beans roasted this Tuesday, free delivery");
  await page.getByRole("checkbox", { name: /Vertical 9:16/ }).check();
  await page.getByText("Text on the creative and tags (optional)").click();
  await page.getByLabel("Tags").fill("tuesday roast");
  await page.getByRole("button", { name: "Generate" }).click();
  const generation = page.getByTestId("generation").first();
  await expect(generation.getByText("Done")).toBeVisible({ timeout: 60_000 });
  await expect(generation.getByRole("link", { name: /Image (1:1|9:16)/ })).toHaveCount(2);
  await expect(page.getByTestId("quota")).toContainText("58 of 60 images left");
  await snapshot(page, testInfo, "studio-results");

  // Library: search by the tag.
  await page.goto("/library");
  await page.getByLabel("Search").fill("tuesday roast");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("asset-card")).toHaveCount(2);
  await page.getByLabel("Search").fill("no such tag");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Nothing matches")).toBeVisible();
  await page.goto("/library?q=tuesday+roast&format=9%3A16");
  await expect(page.getByTestId("asset-card")).toHaveCount(1);

  // The full-size creative is served to its owner at Meta's size.
  await page.getByTestId("asset-card").first().getByRole("link").click();
  await page.waitForURL(/\/library\/[0-9a-f-]{36}$/);
  const picture = page.locator("main img").first();
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1080, 1920]);
  await snapshot(page, testInfo, "library-asset");
});
