/**
 * Signs a user in the way a browser does, over HTTP against the running server:
 * Auth.js's CSRF token, then the credentials callback, which runs the real
 * password check and the per-IP and per-email sign-in limits. `ip` is the
 * address the user's proxy appends to X-Forwarded-For (lib/auth/client-ip.ts
 * reads the right-most entry), so 50 users are 50 machines, not one.
 * Returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, user: { email: string; password: string; ip: string }): Promise<string> {
  const forwarded = { "x-forwarded-for": user.ip };
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: forwarded });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...forwarded, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.headers) },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, callbackUrl: `${baseUrl}/dashboard` }),
  });
  // Chunked when large: authjs.session-token, or authjs.session-token.0, .1 …
  const session = cookieHeader(callback.headers, (name) => name.startsWith("authjs.session-token"));
  if (!session) throw new Error(`sign-in of ${user.email} failed: ${callback.status} → ${callback.headers.get("location") ?? "no redirect"}`);
  return session;
}

/** The cookies a response sets, as a request's Cookie header. */
function cookieHeader(headers: Headers, keep: (name: string) => boolean = () => true): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .filter((pair) => keep(pair.split("=")[0]!) && !pair.endsWith("="))
    .join("; ");
}
