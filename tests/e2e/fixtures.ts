import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { randomUUID } from "node:crypto";

/** The sign-up / sign-in / sign-out screens, so specs read as what a marketer does. */
export class AuthFlow {
  constructor(private readonly page: Page) {}

  newAccount() {
    return { name: "Sam Rivera", email: `sam-${randomUUID().slice(0, 8)}@example.test`, password: "Harbour-lights-42" };
  }

  async signUp(account: { name: string; email: string; password: string }) {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Your name").fill(account.name);
    await this.page.getByLabel("Work email").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Account menu" }).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    // Signed out only once the server action has cleared the cookie and redirected.
    await this.page.waitForURL(/\/sign-in/);
  }
}

/** Every spec leaves a full-page screenshot behind as an artifact. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  // Finished animations, so a sheet is not caught half-open.
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

export const test = base.extend<{ auth: AuthFlow }>({
  // Each spec signs up from its own address (the app reads the right-most X-Forwarded-For, as
  // behind a proxy), so the whole suite never runs into the per-IP sign-up limit of 10 an hour.
  extraHTTPHeaders: async ({}, provide) =>
    provide({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}, 203.0.113.${Math.floor(Math.random() * 250) + 1}` }),
  // Playwright's fixture callback is named `use`, which is not React's hook.
  // Every spec doubles as a check of the page Content-Security-Policy: whatever the
  // browser refused (a script without the nonce, an image from a blocked origin) fails it.
  page: async ({ page }, provide) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await provide(page);
    expect(refused, "the page's Content-Security-Policy refused something").toEqual([]);
  },
  auth: async ({ page }, provide) => provide(new AuthFlow(page)),
});

export { expect };
