import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";
import { authSecret } from "@/lib/local-secrets";

// Route protection only: decodes the session JWT, no database access.
export const { auth: proxy } = NextAuth({ ...authConfig, secret: authSecret() });

export const config = {
  // Everything except Next internals, static files and the API (which checks sessions itself).
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|svg|ico|webp)$).*)"],
};
