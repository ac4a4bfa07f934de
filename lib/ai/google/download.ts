import "server-only";
import { ApiError } from "@google/genai";
import { AiError } from "../errors";
import { callGoogle, type GoogleContext } from "./context";

const MAX_REDIRECTS = 5;

/**
 * The key goes only to Google's API hosts: the configured API origin (the
 * emulator in tests) and https://*.googleapis.com. A redirect elsewhere (a
 * signed storage URL) is followed without it.
 */
export function mayReceiveKey(url: URL, apiOrigin: string): boolean {
  if (url.origin === apiOrigin) return true;
  return url.protocol === "https:" && (url.hostname === "googleapis.com" || url.hostname.endsWith(".googleapis.com"));
}

async function fetchOnce(context: GoogleContext, uri: string): Promise<Buffer> {
  let url = new URL(uri);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = mayReceiveKey(url, context.apiOrigin) ? { "x-goog-api-key": context.apiKey } : {};
    const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(context.timeoutMs) });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    const body = await response.text();
    // Google answers an expired or unknown file with 403/404; that is the video being gone, not a bad key.
    if ((response.status === 403 || response.status === 404) && !/api key/i.test(body)) {
      throw new AiError("invalid_output", "The finished video is no longer available from Google. Please generate it again.", { status: response.status });
    }
    throw new ApiError({ status: response.status, message: body.startsWith("{") ? body : JSON.stringify({ error: { code: response.status, message: body } }) });
  }
  throw new AiError("unavailable", "Google's video download kept redirecting. Please try again in a few minutes.");
}

/** The bytes behind a generated video's uri, with the same error mapping and retries as API calls. */
export function downloadVideo(context: GoogleContext, uri: string): Promise<Buffer> {
  return callGoogle(context, () => fetchOnce(context, uri));
}
