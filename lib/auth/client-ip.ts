import { env } from "@/lib/env";

/**
 * The caller's IP for rate limiting. On Vercel, x-real-ip is set by the platform
 * and cannot be forged. Elsewhere the right-most x-forwarded-for entry is the one
 * the nearest proxy (or Next.js itself, when the header is absent) added; entries
 * to its left come from the client. Self-hosted deployments belong behind a proxy
 * that appends to x-forwarded-for.
 */
export function clientIp(headers: Headers): string {
  if (env.VERCEL === "1") {
    const realIp = headers.get("x-real-ip")?.trim();
    if (realIp) return realIp;
  }
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || "unknown";
}
