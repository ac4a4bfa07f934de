/** Paths of the signed-in app (the (app) route group); everything else is public. */
export const APP_PATHS = ["/dashboard", "/studio", "/library", "/campaigns", "/analytics", "/reports", "/brand", "/settings", "/admin"] as const;
export const AUTH_PATHS = ["/sign-in", "/sign-up"] as const;
export const HOME_PATH = "/dashboard";

const within = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

export function isAppPath(pathname: string): boolean {
  return APP_PATHS.some((base) => within(pathname, base));
}

export function isAuthPath(pathname: string): boolean {
  return AUTH_PATHS.some((base) => within(pathname, base));
}

/** Only same-site paths survive as a post-sign-in destination; anything else goes home. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return HOME_PATH;
  return isAppPath(value.split(/[?#]/)[0]!) ? value : HOME_PATH;
}
