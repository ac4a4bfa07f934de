import type { Request } from "@playwright/test";
import { expect, test } from "./fixtures";

test("a server action replayed from another site is refused; the same request from ours works", async ({ page, auth, request }) => {
  const account = auth.newAccount();
  // Hold back the browser's "Create account" call, so only the replays reach the server.
  let captured: Request | undefined;
  await page.route("**/sign-up", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  await auth.signUp(account);
  await expect.poll(() => captured).toBeTruthy();
  const headers = await captured!.allHeaders();
  expect(headers["next-action"]).toBeTruthy();
  const replay = (origin: string) => request.post("/sign-up", { headers: { ...headers, origin }, data: captured!.postDataBuffer()!, maxRedirects: 0 });

  const forged = await replay("https://evil.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  await page.unrouteAll();
  await auth.signIn(account.email, account.password);
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();

  const genuine = await replay(new URL(page.url()).origin);
  expect(genuine.status()).toBeLessThan(400);
  await auth.signIn(account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("no other origin may read our API, and session cookies are httpOnly, sameSite and Secure behind HTTPS", async ({ page, auth, request }) => {
  for (const path of ["/api/health", "/api/auth/session", "/api/job-runs/00000000-0000-0000-0000-000000000000"]) {
    const response = await request.get(path, { headers: { origin: "https://evil.example" } });
    expect(response.headers()["access-control-allow-origin"], path).toBeUndefined();
    expect(response.headers()["access-control-allow-credentials"], path).toBeUndefined();
  }
  const preflight = await request.fetch("/api/assets", {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
  });
  expect(preflight.headers()["access-control-allow-origin"]).toBeUndefined();

  await auth.signUp(auth.newAccount());
  await expect(page).toHaveURL(/\/dashboard/);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // Behind an HTTPS proxy (as on Vercel) Auth.js switches to __Secure-/__Host- cookies flagged Secure.
  const csrf = await request.get("/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
  const cookie = csrf.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/__Host-authjs\.csrf-token=[^;]+;.*HttpOnly/i);
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
});
