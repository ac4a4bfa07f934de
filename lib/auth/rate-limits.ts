import type { RateLimitRule } from "@/lib/kv";

/**
 * Sign-in and sign-up limits. Per IP stops one machine trying many accounts;
 * per email stops many machines guessing one account's password. They refuse
 * when the store is down: an hour without sign-ins is an outage we see and fix;
 * an hour of unlimited password guessing is not something we could undo.
 */
export const AUTH_RATE_LIMITS = {
  signInPerIp: { name: "sign-in:ip", limit: 30, windowSeconds: 15 * 60, whenStoreFails: "refuse" },
  signInPerEmail: { name: "sign-in:email", limit: 10, windowSeconds: 15 * 60, whenStoreFails: "refuse" },
  signUpPerIp: { name: "sign-up:ip", limit: 10, windowSeconds: 60 * 60, whenStoreFails: "refuse" },
  signUpPerEmail: { name: "sign-up:email", limit: 5, windowSeconds: 60 * 60, whenStoreFails: "refuse" },
} as const satisfies Record<string, RateLimitRule>;
