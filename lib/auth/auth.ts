import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authSecret } from "@/lib/local-secrets";
import { logger } from "@/lib/observability/logger";
import { authConfig } from "./auth.config";
import { refuseBadCallbackUrl } from "./callback-url-guard";
import { clientIp } from "./client-ip";
import { authenticate } from "./credentials";
import { signInSchema } from "./validation";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

// Tier and role live in the JWT; re-read them this often so a plan change shows up.
const REFRESH_MS = 5 * 60 * 1000;

const nextAuth = NextAuth({
  ...authConfig,
  secret: authSecret(),
  adapter: DrizzleAdapter(db, {
    usersTable: users as never,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data, clientIp(request.headers));
        if (result.ok) return result.user;
        if (result.error === "rate_limited") throw new TooManyAttempts(result.retryAfterSeconds);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return { ...token, refreshedAt: Date.now() };
      if (token.refreshedAt && Date.now() - token.refreshedAt < REFRESH_MS) return token;
      const [current] = await db
        .select({ subscriptionTier: users.subscriptionTier, role: users.role })
        .from(users)
        .where(eq(users.id, token.id))
        .limit(1);
      // A deleted account ends its sessions.
      if (!current) return null;
      return { ...token, ...current, refreshedAt: Date.now() };
    },
  },
  logger: {
    error(error) {
      // A wrong password is an answer, not an error worth a stack trace.
      if (error instanceof CredentialsSignin) return;
      logger.error("auth error", { error });
    },
    warn(code) {
      logger.warn("auth warning", { code });
    },
  },
});

export const { auth, signIn, signOut } = nextAuth;
export const handlers = { GET: refuseBadCallbackUrl(nextAuth.handlers.GET), POST: refuseBadCallbackUrl(nextAuth.handlers.POST) };
