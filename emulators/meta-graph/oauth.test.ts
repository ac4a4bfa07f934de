import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appsecretProof, createGraphEmulator, SANDBOX, startGraphEmulator, type GraphEmulator } from "./index";
import { APP } from "./test-support";

const REDIRECT = "https://app.example.test/api/meta/callback";

describe("Facebook Login against the Graph emulator (plain fetch)", () => {
  let url: string;
  let emulator: GraphEmulator;
  let close: () => Promise<void>;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date("2026-03-01T12:00:00Z");
    ({ url, emulator, close } = await startGraphEmulator({ ...APP, now: () => clock }));
  });
  afterEach(() => close());

  const getJson = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, init);
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  };

  /** Walks the dialog like a browser: load the page, submit the form, follow nothing. */
  async function authorize(decision: "grant" | "deny", scopes = ["ads_management", "ads_read", "pages_show_list"], declined: string[] = []) {
    const dialog = new URL(`${url}/v24.0/dialog/oauth`);
    dialog.search = new URLSearchParams({ client_id: APP.appId, redirect_uri: REDIRECT, state: "st4te", scope: scopes.join(","), response_type: "code" }).toString();
    const page = await fetch(dialog);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Sam Sandbox");
    expect(html).toContain("Riley Sandbox");
    for (const scope of scopes) expect(html).toContain(`value="${scope}"`);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe(`${url}/v24.0/dialog/oauth`);

    const form = new URLSearchParams({ client_id: APP.appId, redirect_uri: REDIRECT, state: "st4te", scope: scopes.join(","), user_id: SANDBOX.sam.userId, decision });
    for (const scope of scopes.filter((scope) => !declined.includes(scope))) form.append("granted_scopes", scope);
    const answer = await fetch(action ?? "", { method: "POST", body: form, redirect: "manual" });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get("location") ?? "");
  }

  const exchange = (params: Record<string, string>) => getJson(`/v24.0/oauth/access_token?${new URLSearchParams({ client_id: APP.appId, client_secret: APP.appSecret, ...params })}`);

  it("code → short-lived → long-lived → debug_token", async () => {
    const callback = await authorize("grant", ["ads_management", "ads_read", "pages_show_list"], ["pages_show_list"]);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get("state")).toBe("st4te");
    const code = callback.searchParams.get("code") ?? "";
    expect(code).toMatch(/^AQ/);

    const short = await exchange({ code, redirect_uri: REDIRECT });
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ token_type: "bearer", expires_in: 7200 });
    const shortToken = String(short.body.access_token);
    expect(shortToken).toMatch(/^EAAB[A-Za-z0-9]+$/);
    expect(short.headers.get("x-app-usage")).toBeTruthy();

    // Single use.
    const reused = await exchange({ code, redirect_uri: REDIRECT });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ code: 100, error_subcode: 36009, type: "OAuthException" });

    const long = await exchange({ grant_type: "fb_exchange_token", fb_exchange_token: shortToken });
    expect(long.status).toBe(200);
    expect(long.body.expires_in).toBe(60 * 24 * 3600);
    const longToken = String(long.body.access_token);

    const debug = await getJson(`/v24.0/debug_token?${new URLSearchParams({ input_token: longToken, access_token: `${APP.appId}|${APP.appSecret}` })}`);
    expect(debug.status).toBe(200);
    const data = debug.body.data as Record<string, unknown>;
    const nowSeconds = Math.floor(clock.getTime() / 1000);
    expect(data).toMatchObject({
      app_id: APP.appId,
      type: "USER",
      is_valid: true,
      issued_at: nowSeconds,
      expires_at: nowSeconds + 60 * 24 * 3600,
      data_access_expires_at: nowSeconds + 90 * 24 * 3600,
      user_id: SANDBOX.sam.userId,
    });
    // The declined permission is not granted.
    expect(data.scopes).toEqual(["public_profile", "ads_management", "ads_read"]);
    expect(data.granular_scopes).toContainEqual({ scope: "ads_management", target_ids: [SANDBOX.sam.adAccountId, SANDBOX.sam.eurAdAccountId] });

    const me = await getJson(`/v24.0/me?access_token=${longToken}`);
    expect(me.body).toEqual({ id: SANDBOX.sam.userId, name: "Sam Sandbox" });
  });

  it("rejects a redirect_uri that differs from the dialog's, and expired codes", async () => {
    const code = (await authorize("grant")).searchParams.get("code") ?? "";
    const mismatch = await exchange({ code, redirect_uri: `${REDIRECT}/` });
    expect(mismatch.body.error).toMatchObject({ code: 100, error_subcode: 36008 });

    const late = (await authorize("grant")).searchParams.get("code") ?? "";
    clock = new Date(clock.getTime() + 11 * 60_000);
    const expired = await exchange({ code: late, redirect_uri: REDIRECT });
    expect(expired.body.error).toMatchObject({ code: 100, error_subcode: 36007 });

    const badSecret = await exchange({ code: late, redirect_uri: REDIRECT, client_secret: "nope" });
    expect(badSecret.body.error).toMatchObject({ code: 1, message: "Error validating client secret." });
  });

  it("redirects a denial with access_denied / user_denied", async () => {
    const callback = await authorize("deny");
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("error_reason")).toBe("user_denied");
    expect(callback.searchParams.get("error_description")).toBeTruthy();
    expect(callback.searchParams.get("state")).toBe("st4te");
    expect(callback.searchParams.has("code")).toBe(false);
  });

  it("expires tokens: 190/463 on calls, no exchange, debug_token reports is_valid false", async () => {
    const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_read"], expiresInSeconds: 60 });
    expect((await getJson(`/v24.0/me?access_token=${token}`)).status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);

    const call = await getJson(`/v24.0/me?access_token=${token}`);
    expect(call.status).toBe(400);
    expect(call.body.error).toMatchObject({ code: 190, error_subcode: 463, type: "OAuthException" });

    const refresh = await exchange({ grant_type: "fb_exchange_token", fb_exchange_token: token });
    expect(refresh.body.error).toMatchObject({ code: 190, error_subcode: 463 });

    const debug = await getJson(`/v24.0/debug_token?input_token=${token}&access_token=${APP.appId}|${APP.appSecret}`);
    expect(debug.body.data).toMatchObject({ is_valid: false, error: { code: 190, subcode: 463 } });

    expect((await getJson(`/v24.0/me?access_token=EAABnotatoken`)).body.error).toMatchObject({ code: 190 });
  });

  it("checks appsecret_proof when sent, and accepts Authorization: Bearer", async () => {
    const token = emulator.issueToken({ userId: SANDBOX.riley.userId, scopes: ["ads_read"] });
    const good = await getJson(`/v24.0/me?access_token=${token}&appsecret_proof=${appsecretProof(APP.appSecret, token)}`);
    expect(good.body).toMatchObject({ id: SANDBOX.riley.userId, name: "Riley Sandbox" });

    const bad = await getJson(`/v24.0/me?access_token=${token}&appsecret_proof=${appsecretProof("wrong", token)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 100, message: "Invalid appsecret_proof provided in the API argument" });

    const bearer = await getJson(`/v24.0/me/adaccounts?fields=account_id,currency`, { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.body.data).toEqual([{ id: `act_${SANDBOX.riley.adAccountId}`, account_id: SANDBOX.riley.adAccountId, currency: "USD" }]);
  });
});

describe("mounted under a path prefix", () => {
  it("routes below the prefix and points paging and the dialog form back through it", async () => {
    const baseUrl = "http://localhost:3000/api/sandbox/graph";
    const emulator = createGraphEmulator({ ...APP, baseUrl, pathPrefix: "/api/sandbox/graph" });
    const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_read"] });
    const response = await emulator.handle(new Request(`${baseUrl}/v24.0/me/adaccounts?limit=1&access_token=${token}`));
    const body = (await response.json()) as { data: unknown[]; paging: { next: string } };
    expect(body.data).toEqual([{ id: `act_${SANDBOX.sam.adAccountId}`, account_id: SANDBOX.sam.adAccountId }]);
    expect(body.paging.next.startsWith(`${baseUrl}/v24.0/me/adaccounts?`)).toBe(true);
    const next = (await (await emulator.handle(new Request(body.paging.next))).json()) as { data: Array<{ id: string }>; paging: Record<string, unknown> };
    expect(next.data.map((row) => row.id)).toEqual([`act_${SANDBOX.sam.eurAdAccountId}`]);
    expect(next.paging.next).toBeUndefined();

    const dialog = await emulator.handle(new Request(`${baseUrl}/v24.0/dialog/oauth?client_id=${APP.appId}&redirect_uri=${encodeURIComponent(REDIRECT)}&scope=ads_read`));
    expect(await dialog.text()).toContain(`action="${baseUrl}/v24.0/dialog/oauth"`);

    const ids = await emulator.handle(new Request(`${baseUrl}/v24.0/?ids=me,${SANDBOX.sam.pageId}&fields=name&access_token=${token}`));
    expect(ids.status).toBe(400); // the page needs pages_show_list
    const multi = await emulator.handle(new Request(`${baseUrl}/v24.0/?ids=me,act_${SANDBOX.sam.adAccountId}&fields=name&access_token=${token}`));
    expect(await multi.json()).toEqual({ me: { id: SANDBOX.sam.userId, name: "Sam Sandbox" }, [`act_${SANDBOX.sam.adAccountId}`]: { id: `act_${SANDBOX.sam.adAccountId}`, name: "Sam Sandbox Ads (USD)" } });
  });
});
