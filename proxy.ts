import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { authSecret } from "@/lib/local-secrets";

// Route protection (decodes the session JWT, no database access), then the page's
// Content-Security-Policy. Next.js reads the nonce from the request's policy header
// and puts it on every script it renders; the browser gets the same policy.
const { auth } = NextAuth({ ...authConfig, secret: authSecret() });
const protect = auth((request) => {
  const policy = contentSecurityPolicy(newNonce(), { development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return protect(request, event);
}

export const config = {
  // Everything except Next internals, static files and the API (which checks sessions itself).
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|webp)$).*)"],
};
