import "server-only";
import { createHmac } from "node:crypto";
import { deployment, env } from "@/lib/env";
import { authSecret } from "@/lib/local-secrets";

export const GRAPH_VERSION = "v24.0";

/** What AdPilot asks Meta for. ads_management and ads_read are required; the rest improve the experience. */
export const REQUESTED_SCOPES = ["ads_management", "ads_read", "business_management", "pages_show_list", "pages_read_engagement"] as const;
export const REQUIRED_SCOPES = ["ads_management", "ads_read"] as const;

export const SANDBOX_APP_ID = "880000000000001";
export const SANDBOX_GRAPH_PATH = "/api/sandbox/graph";

export type MetaConfig = {
  mode: "facebook" | "sandbox";
  appId: string;
  appSecret: string;
  redirectUri: string;
};

export type MetaEndpoints = {
  /** Base for Graph calls: https://graph.facebook.com, or this user's sandbox. */
  graphUrl: string;
  /** Base for the Login dialog: https://www.facebook.com, or this user's sandbox consent page. */
  dialogUrl: string;
};

let cached: MetaConfig | undefined;

/**
 * Facebook when a Meta app is configured, else the sandbox: the same flow and
 * the same SDK against the Graph emulator mounted in this app.
 */
export function metaConfig(): MetaConfig {
  if (cached) return cached;
  const redirectUri = new URL("/api/meta/oauth/callback", env.APP_URL).toString();
  if (deployment.meta === "facebook") {
    cached = { mode: "facebook", appId: env.META_APP_ID!, appSecret: env.META_APP_SECRET!, redirectUri };
  } else {
    cached = {
      mode: "sandbox",
      appId: SANDBOX_APP_ID,
      // Derived, so it is stable across restarts and never needs configuring.
      appSecret: createHmac("sha256", authSecret()).update("meta-sandbox-app-secret").digest("hex"),
      redirectUri,
    };
  }
  return cached;
}

/**
 * Each AdPilot user gets a sandbox world of their own (their simulated ad
 * accounts and campaigns are nobody else's), addressed by an unguessable scope.
 */
export function sandboxScope(userId: string): string {
  return createHmac("sha256", authSecret()).update(`meta-sandbox-scope:${userId}`).digest("hex").slice(0, 24);
}

export function metaEndpoints(userId: string): MetaEndpoints {
  if (metaConfig().mode === "facebook") {
    return { graphUrl: env.META_GRAPH_URL ?? "https://graph.facebook.com", dialogUrl: "https://www.facebook.com" };
  }
  const sandbox = env.META_GRAPH_URL ?? new URL(`${SANDBOX_GRAPH_PATH}/${sandboxScope(userId)}`, env.APP_URL).toString();
  return { graphUrl: sandbox, dialogUrl: sandbox };
}

/** The Facebook Login dialog URL for a connect (or re-request) round trip. */
export function loginDialogUrl(userId: string, state: string, options: { rerequest?: boolean } = {}): string {
  const config = metaConfig();
  const url = new URL(`${metaEndpoints(userId).dialogUrl}/${GRAPH_VERSION}/dialog/oauth`);
  url.searchParams.set("client_id", config.appId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("state", state);
  url.searchParams.set("scope", REQUESTED_SCOPES.join(","));
  url.searchParams.set("response_type", "code");
  if (options.rerequest) url.searchParams.set("auth_type", "rerequest");
  return url.toString();
}
