/**
 * The caller's IP for rate limiting. On Vercel x-real-ip / x-forwarded-for are
 * set by the platform; locally Next sets x-forwarded-for from the socket.
 */
export function clientIp(headers: Headers): string {
  const realIp = headers.get("x-real-ip")?.trim();
  if (realIp) return realIp;
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || "unknown";
}
