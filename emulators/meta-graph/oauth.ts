import { timingSafeEqual } from "node:crypto";
import { consentPage } from "./consent-page";
import { GRAPH_VERSION, type EmulatorContext } from "./context";
import { GraphError, expiredToken, invalidToken, requiredParam } from "./errors";
import type { Params } from "./params";
import { SHORT_LIVED_SECONDS, buildToken, isExpired, newAuthCode, tokenFromRequest } from "./tokens";
import type { TokenRecord } from "./types";

/** Codes from the dialog are good for ten minutes and one exchange, as on Facebook. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

const html = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /dialog/oauth: the sandbox consent page. */
export async function showDialog(ctx: EmulatorContext, url: URL): Promise<Response> {
  const clientId = url.searchParams.get("client_id") ?? "";
  const redirectUri = url.searchParams.get("redirect_uri") ?? "";
  if (clientId !== ctx.appId) return html("<h1>Invalid App ID</h1><p>The provided app ID does not look like a valid app ID.</p>", 400);
  if (!/^https?:\/\//.test(redirectUri)) return html("<h1>URL blocked</h1><p>redirect_uri must be an absolute http(s) URL.</p>", 400);
  if ((url.searchParams.get("response_type") ?? "code") !== "code") return html("<h1>Unsupported response_type</h1><p>The emulator only supports response_type=code.</p>", 400);
  const scopes = (url.searchParams.get("scope") ?? "").split(/[,\s]+/).filter(Boolean);
  const users = await ctx.store.list("users");
  const page = consentPage(
    { clientId, redirectUri, state: url.searchParams.get("state") ?? "", scopes, action: `${ctx.baseUrl}/${GRAPH_VERSION}/dialog/oauth` },
    users,
  );
  return html(page);
}

function redirectTo(target: string, query: Record<string, string>): Response {
  const url = new URL(target);
  for (const [key, value] of Object.entries(query)) if (value !== "") url.searchParams.set(key, value);
  // Facebook appends this fragment to Login redirects; browsers keep it, servers never see it.
  url.hash = "_=_";
  return new Response(null, { status: 302, headers: { location: url.toString() } });
}

/** POST /dialog/oauth: the consent form's answer; redirects like Facebook does. */
export async function submitConsent(ctx: EmulatorContext, request: Request): Promise<Response> {
  const form = new URLSearchParams(await request.text());
  const clientId = form.get("client_id") ?? "";
  const redirectUri = form.get("redirect_uri") ?? "";
  const state = form.get("state") ?? "";
  if (clientId !== ctx.appId || !/^https?:\/\//.test(redirectUri)) return html("<h1>Invalid request</h1>", 400);
  if (form.get("decision") !== "grant") {
    return redirectTo(redirectUri, {
      error: "access_denied",
      error_code: "200",
      error_description: "Permissions error",
      error_reason: "user_denied",
      state,
    });
  }
  const user = await ctx.store.get("users", form.get("user_id") ?? "");
  if (!user) return html("<h1>Choose a sandbox user</h1>", 400);
  const requested = (form.get("scope") ?? "").split(",").filter(Boolean);
  const granted = form.getAll("granted_scopes").filter((scope) => requested.includes(scope));
  const code = newAuthCode();
  await ctx.store.put("authCodes", {
    id: code,
    appId: ctx.appId,
    userId: user.id,
    scopes: ["public_profile", ...granted],
    redirectUri,
    expiresAt: new Date(ctx.now().getTime() + CODE_LIFETIME_MS).toISOString(),
    used: false,
  });
  return redirectTo(redirectUri, { code, state });
}

const codeError = (message: string, subcode?: number) => new GraphError({ message, code: 100, subcode });

function checkClient(ctx: EmulatorContext, params: Params): void {
  const clientId = params.string("client_id");
  if (!clientId) throw requiredParam("client_id");
  if (clientId !== ctx.appId) throw new GraphError({ message: "Error validating application. Invalid application ID.", code: 101 });
  if (!sameSecret(params.string("client_secret") ?? "", ctx.appSecret)) throw new GraphError({ message: "Error validating client secret.", code: 1 });
}

const tokenResponse = (ctx: EmulatorContext, token: TokenRecord) => ({
  access_token: token.id,
  token_type: "bearer",
  expires_in: token.expiresAt ? Math.round((new Date(token.expiresAt).getTime() - ctx.now().getTime()) / 1000) : 0,
});

/** GET /oauth/access_token: code exchange, or fb_exchange_token for a long-lived token. */
export async function exchangeToken(ctx: EmulatorContext, params: Params): Promise<Record<string, unknown>> {
  checkClient(ctx, params);
  const now = ctx.now();
  if (params.string("grant_type") === "fb_exchange_token") {
    const raw = params.string("fb_exchange_token");
    if (!raw) throw requiredParam("fb_exchange_token");
    const current = await ctx.store.get("tokens", raw);
    if (!current || current.appId !== ctx.appId) throw invalidToken();
    if (isExpired(current, now)) throw expiredToken(new Date(current.expiresAt ?? 0), now);
    const token = buildToken(ctx, { userId: current.userId, scopes: current.scopes, kind: "long" });
    await ctx.store.put("tokens", token);
    return tokenResponse(ctx, token);
  }
  const code = params.string("code");
  if (!code) throw requiredParam("code");
  const redirectUri = params.string("redirect_uri");
  if (redirectUri === undefined) throw requiredParam("redirect_uri");
  const record = await ctx.store.get("authCodes", code);
  if (!record || record.appId !== ctx.appId) throw codeError("Invalid verification code format.");
  if (record.used) throw codeError("This authorization code has been used.", 36009);
  if (new Date(record.expiresAt).getTime() <= now.getTime()) throw codeError("This authorization code has expired.", 36007);
  if (record.redirectUri !== redirectUri) {
    throw codeError("Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request", 36008);
  }
  await ctx.store.put("authCodes", { ...record, used: true });
  const token = buildToken(ctx, { userId: record.userId, scopes: record.scopes, kind: "short", expiresInSeconds: SHORT_LIVED_SECONDS });
  await ctx.store.put("tokens", token);
  return tokenResponse(ctx, token);
}

const unix = (iso: string | null) => (iso ? Math.floor(new Date(iso).getTime() / 1000) : 0);

/** GET /debug_token: inspect a user token with the app token (APPID|APPSECRET) or a token of the same app. */
export async function debugToken(ctx: EmulatorContext, params: Params, authorization: string | null): Promise<Record<string, unknown>> {
  const caller = tokenFromRequest(params, authorization);
  if (!caller) throw new GraphError({ message: "An access token is required to request this resource.", code: 104 });
  if (caller.includes("|")) {
    if (!sameSecret(caller, `${ctx.appId}|${ctx.appSecret}`)) throw new GraphError({ message: "Invalid OAuth access token signature.", code: 190 });
  } else {
    const callerToken = await ctx.store.get("tokens", caller);
    if (!callerToken || callerToken.appId !== ctx.appId || isExpired(callerToken, ctx.now())) throw invalidToken();
  }
  const input = params.string("input_token");
  if (!input) throw requiredParam("input_token");
  const token = await ctx.store.get("tokens", input);
  if (!token || token.appId !== ctx.appId) {
    return { data: { error: { code: 190, message: "Invalid OAuth access token." }, is_valid: false, scopes: [] } };
  }
  const now = ctx.now();
  const expired = isExpired(token, now);
  const accounts = await ctx.store.list("adAccounts", { ownerUserId: token.userId });
  const pages = await ctx.store.list("pages", { ownerUserId: token.userId });
  // Granular scopes name the objects a permission was granted for; broad permissions carry no target_ids.
  const targets: Record<string, string[]> = {
    ads_management: accounts.map((account) => account.id),
    ads_read: accounts.map((account) => account.id),
    pages_show_list: pages.map((page) => page.id),
    pages_read_engagement: pages.map((page) => page.id),
  };
  const data: Record<string, unknown> = {
    app_id: token.appId,
    type: "USER",
    application: "AdPilot",
    data_access_expires_at: unix(token.dataAccessExpiresAt),
    expires_at: unix(token.expiresAt),
    is_valid: !expired,
    issued_at: unix(token.issuedAt),
    scopes: token.scopes,
    granular_scopes: token.scopes.filter((scope) => scope !== "public_profile").map((scope) => (targets[scope] ? { scope, target_ids: targets[scope] } : { scope })),
    user_id: token.userId,
  };
  if (expired) {
    data.error = { code: 190, message: `Error validating access token: Session has expired on ${new Date(token.expiresAt ?? 0).toUTCString()}. The current time is ${now.toUTCString()}.`, subcode: 463 };
  }
  return { data };
}
