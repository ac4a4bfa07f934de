import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type SubscriptionTier } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { rateLimiter, type RateLimitResult } from "@/lib/kv";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { AUTH_RATE_LIMITS } from "./rate-limits";
import type { SignInInput, SignUpInput } from "./validation";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string | null;
  subscriptionTier: SubscriptionTier;
  role: "member" | "operator";
};

export type SignUpResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; error: "email_taken" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

export type SignInResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

/** Checks every limiter (so each counts the attempt) and reports the longest wait. */
async function checkLimits(checks: Array<Promise<RateLimitResult>>): Promise<number | null> {
  const results = await Promise.all(checks);
  const refused = results.filter((result) => !result.success);
  return refused.length > 0 ? Math.max(...refused.map((result) => result.retryAfterSeconds)) : null;
}

function toAuthenticated(user: typeof users.$inferSelect): AuthenticatedUser {
  return { id: user.id, email: user.email, name: user.name, subscriptionTier: user.subscriptionTier, role: user.role };
}

/** Creates an account. Input is already validated by signUpSchema. */
export async function registerUser(input: SignUpInput, ip: string): Promise<SignUpResult> {
  const wait = await checkLimits([
    rateLimiter(AUTH_RATE_LIMITS.signUpPerIp).limit(ip),
    rateLimiter(AUTH_RATE_LIMITS.signUpPerEmail).limit(input.email),
  ]);
  if (wait !== null) return { ok: false, error: "rate_limited", retryAfterSeconds: wait };

  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    // ON CONFLICT DO NOTHING makes two simultaneous sign-ups with one email safe.
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name || null, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!row) return null;
    await recordAudit(tx, {
      userId: row.id,
      action: "user.sign_up",
      entityType: "user",
      entityId: row.id,
      after: { email: row.email, subscriptionTier: row.subscriptionTier },
    });
    return row;
  });
  return created ? { ok: true, user: toAuthenticated(created) } : { ok: false, error: "email_taken" };
}

/** Verifies an email and password; the same work is done whether or not the account exists. */
export async function authenticate(input: SignInInput, ip: string): Promise<SignInResult> {
  const wait = await checkLimits([
    rateLimiter(AUTH_RATE_LIMITS.signInPerIp).limit(ip),
    rateLimiter(AUTH_RATE_LIMITS.signInPerEmail).limit(input.email),
  ]);
  if (wait !== null) return { ok: false, error: "rate_limited", retryAfterSeconds: wait };

  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const valid = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDummy(input.password);
  return valid && user ? { ok: true, user: toAuthenticated(user) } : { ok: false, error: "invalid_credentials" };
}
