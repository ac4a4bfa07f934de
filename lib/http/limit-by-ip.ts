import "server-only";
import { clientIp } from "@/lib/auth/client-ip";
import { rateLimiter, type RateLimitRule } from "@/lib/kv";
import { ApiError } from "./errors";

/** Public endpoints (Meta's callbacks, the OAuth return) per calling address. */
export const PUBLIC_RATE_LIMITS = {
  metaCallbackPerIp: { name: "meta-callback:ip", limit: 120, windowSeconds: 60 },
  oauthReturnPerIp: { name: "oauth-return:ip", limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;

/**
 * A 429 with Retry-After when the caller's address is over `rule`, else null.
 * For endpoints anyone can reach: a flood of forged callbacks costs us an HMAC
 * check each, and should stop costing even that.
 */
export async function limitByIp(request: Request, rule: RateLimitRule): Promise<Response | null> {
  const result = await rateLimiter(rule).limit(clientIp(request.headers));
  if (result.success) return null;
  const seconds = Math.max(1, result.retryAfterSeconds);
  return new ApiError("rate_limited", `Too many requests. Try again in ${seconds} seconds.`, { "Retry-After": String(seconds) }).toResponse();
}
