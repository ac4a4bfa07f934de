import type { NextRequest } from "next/server";

/** Where Auth.js keeps the page to return to (with the prefix it adds on https). */
const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** What Auth.js accepts as a callback URL: an absolute http(s) URL, or a path on this site. */
function usableCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js answers 500 ("a problem with the server configuration") to any
 * request whose callbackUrl, in the query or its cookie, is not a URL. Anyone
 * can send one, so this refuses it as the bad request it is, and clears such a
 * cookie so the browser's next request works.
 */
export function refuseBadCallbackUrl(handler: (request: NextRequest) => Promise<Response>): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const origin = request.nextUrl.origin;
    const badQuery = request.nextUrl.searchParams.getAll("callbackUrl").some((value) => value !== "" && !usableCallbackUrl(value, origin));
    const badCookies = CALLBACK_COOKIES.filter((name) => {
      const value = request.cookies.get(name)?.value;
      return Boolean(value) && !usableCallbackUrl(value!, origin);
    });
    if (!badQuery && badCookies.length === 0) return handler(request);
    const response = Response.json({ message: "That sign-in link is not valid. Start again from the sign-in page." }, { status: 400 });
    for (const name of badCookies) response.headers.append("Set-Cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
    return response;
  };
}
