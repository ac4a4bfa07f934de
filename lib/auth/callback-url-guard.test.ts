import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { refuseBadCallbackUrl } from "./callback-url-guard";

// Found by fuzzing (tests/security/fuzz-routes.test.ts): Auth.js answered these with a 500 "server configuration" error.
describe("refuseBadCallbackUrl", () => {
  const authJs = vi.fn(async () => Response.json({ ok: true }));
  const guarded = refuseBadCallbackUrl(authJs);
  const call = (path: string, cookie?: string) => guarded(new NextRequest(`http://127.0.0.1:39017${path}`, cookie ? { headers: { cookie } } : {}));

  it("passes paths on this site and absolute http(s) URLs through to Auth.js", async () => {
    for (const path of ["/api/auth/session", "/api/auth/session?callbackUrl=%2Fdashboard", "/api/auth/signin?callbackUrl=https%3A%2F%2Fapp.example%2Fx", "/api/auth/csrf?callbackUrl="]) {
      expect((await call(path)).status).toBe(200);
    }
    expect((await call("/api/auth/session", "authjs.callback-url=%2Fcampaigns")).status).toBe(200);
  });

  it("refuses a callbackUrl that is not a URL with a 400 and a sentence", async () => {
    authJs.mockClear();
    for (const value of ["x", "users/../../secret.png", "javascript:alert(1)"]) {
      const response = await call(`/api/auth/session?callbackUrl=${encodeURIComponent(value)}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: "That sign-in link is not valid. Start again from the sign-in page." });
    }
    expect(authJs).not.toHaveBeenCalled();
  });

  it("refuses a tampered callback cookie and clears it, so the next request works", async () => {
    const response = await call("/api/auth/session", "authjs.callback-url=garbage");
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual(["authjs.callback-url=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"]);
  });
});
