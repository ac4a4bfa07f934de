import type { RateLimitRule } from "@/lib/kv";

/**
 * Sign-in and sign-up limits. Per IP stops one machine trying many accounts;
 * per email stops many machines guessing one account's password.
 */
export const AUTH_RATE_LIMITS = {
  signInPerIp: { name: "sign-in:ip", limit: 30, windowSeconds: 15 * 60 },
  signInPerEmail: { name: "sign-in:email", limit: 10, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "sign-up:ip", limit: 10, windowSeconds: 60 * 60 },
  signUpPerEmail: { name: "sign-up:email", limit: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
