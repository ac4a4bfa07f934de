// GET /api/meta/oauth/callback: where Facebook Login (or the sandbox dialog) returns with a code.
import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { limitByIp, PUBLIC_RATE_LIMITS } from "@/lib/http/limit-by-ip";
import { completeConnection } from "@/lib/meta/connections";

const settings = (params: Record<string, string>) => {
  const url = new URL("/settings", env.APP_URL);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  url.hash = "meta";
  return NextResponse.redirect(url, { status: 303 });
};

export async function GET(request: Request): Promise<Response> {
  const limited = await limitByIp(request, PUBLIC_RATE_LIMITS.oauthReturnPerIp);
  if (limited) return limited;
  const user = await getSessionUser();
  if (!user) return NextResponse.redirect(new URL("/sign-in?callbackUrl=%2Fsettings", env.APP_URL), { status: 303 });

  const query = new URL(request.url).searchParams;
  // The user said no on Meta's side: nothing to exchange, nothing changes.
  if (query.get("error")) return settings({ meta: "denied" });
  const code = query.get("code");
  if (!code) return settings({ meta: "error" });

  const result = await completeConnection({ userId: user.id, tier: user.subscriptionTier, code, state: query.get("state") });
  if (result.ok) return settings({ meta: "connected" });
  if (result.error === "missing_permissions") return settings({ meta: "missing", scopes: (result.missing ?? []).join(",") });
  return settings({ meta: result.error === "invalid_state" ? "expired" : result.error === "no_ad_accounts" ? "no-ad-accounts" : "error" });
}
