import type { NextAuthConfig } from "next-auth";
import { HOME_PATH, isAppPath, isAuthPath } from "./routes";

/**
 * The part of the Auth.js config that needs no database or Node APIs: pages,
 * the JWT <-> session mapping and route protection. proxy.ts uses only this;
 * auth.ts adds the Credentials provider on top.
 */
export const authConfig = {
  // Auth.js's own error page answers 500 to anyone who asks for /api/auth/error?error=Configuration; ours is the sign-in form.
  pages: { signIn: "/sign-in", error: "/sign-in", newUser: HOME_PATH },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      const signedIn = Boolean(auth?.user?.id);
      if (isAppPath(pathname) && !signedIn) {
        const target = new URL("/sign-in", request.nextUrl);
        target.searchParams.set("callbackUrl", `${pathname}${search}`);
        return Response.redirect(target);
      }
      if (isAuthPath(pathname) && signedIn) return Response.redirect(new URL(HOME_PATH, request.nextUrl));
      return true;
    },
    jwt({ token, user }) {
      // `user` is only present on sign-in; afterwards the token carries the fields.
      if (user) {
        token.id = user.id!;
        token.subscriptionTier = user.subscriptionTier;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.id;
      session.user.subscriptionTier = token.subscriptionTier;
      session.user.role = token.role;
      return session;
    },
  },
} satisfies NextAuthConfig;
