import "server-only";
import { GRAPH_VERSION, metaConfig } from "./config";
import { graphRequest } from "./graph-fetch";

export type ExchangedToken = { accessToken: string; expiresAt: Date | null };
export type TokenInfo = {
  isValid: boolean;
  userId: string;
  scopes: string[];
  expiresAt: Date | null;
  dataAccessExpiresAt: Date | null;
};

/** GET on the OAuth endpoints, which the SDK does not cover. */
async function oauthGet<T>(graphUrl: string, path: string, params: Record<string, string>): Promise<T> {
  const url = new URL(`${graphUrl}/${GRAPH_VERSION}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return graphRequest<T>(url, { signal: AbortSignal.timeout(15_000) });
}

const expiry = (seconds: number | undefined) => (seconds ? new Date(Date.now() + seconds * 1000) : null);

/** The code from the Login redirect → a short-lived user token. */
export async function exchangeCode(graphUrl: string, code: string): Promise<ExchangedToken> {
  const config = metaConfig();
  const body = await oauthGet<{ access_token: string; expires_in?: number }>(graphUrl, "oauth/access_token", {
    client_id: config.appId,
    client_secret: config.appSecret,
    redirect_uri: config.redirectUri,
    code,
  });
  return { accessToken: body.access_token, expiresAt: expiry(body.expires_in) };
}

/** A still-valid token → a long-lived one (~60 days). Meta has no refresh tokens; this is the refresh. */
export async function extendToken(graphUrl: string, accessToken: string): Promise<ExchangedToken> {
  const config = metaConfig();
  const body = await oauthGet<{ access_token: string; expires_in?: number }>(graphUrl, "oauth/access_token", {
    grant_type: "fb_exchange_token",
    client_id: config.appId,
    client_secret: config.appSecret,
    fb_exchange_token: accessToken,
  });
  return { accessToken: body.access_token, expiresAt: expiry(body.expires_in) };
}

/** What Meta says about a token: valid or not, whose, which permissions, until when. */
export async function inspectToken(graphUrl: string, accessToken: string): Promise<TokenInfo> {
  const config = metaConfig();
  const { data } = await oauthGet<{
    data: { is_valid: boolean; user_id?: string; scopes?: string[]; expires_at?: number; data_access_expires_at?: number };
  }>(graphUrl, "debug_token", { input_token: accessToken, access_token: `${config.appId}|${config.appSecret}` });
  const at = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000) : null);
  return {
    isValid: data.is_valid,
    userId: data.user_id ?? "",
    scopes: data.scopes ?? [],
    // 0 means the token never expires.
    expiresAt: at(data.expires_at),
    dataAccessExpiresAt: at(data.data_access_expires_at),
  };
}
