import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";
import { authSecret } from "@/lib/local-secrets";

// Route protection only: decodes the session JWT, no database access.
const { auth } = NextAuth({ ...authConfig, secret: authSecret() });
const protect = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  return protect(request, event);
}

export const config = {
  // Everything except Next internals, static files and the API (which checks sessions itself).
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|webp)$).*)"],
};
