import "server-only";
import { classifyMetaError, type GraphErrorBody } from "./errors";
import { readUsage, type MetaUsage } from "./usage";

/**
 * A Graph request outside the SDK (OAuth endpoints, uploads): usage headers
 * reported, Meta's error envelope (or no answer at all) turned into MetaApiError.
 */
export async function graphRequest<T>(url: string | URL, init: RequestInit = {}, onUsage?: (usage: MetaUsage) => void): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(60_000) });
  } catch (error) {
    throw classifyMetaError({ status: null, error: { message: error instanceof Error ? error.message : "Meta could not be reached" } });
  }
  onUsage?.(readUsage(response.headers));
  const body = (await response.json().catch(() => null)) as (T & { error?: GraphErrorBody }) | null;
  if (!response.ok || !body || body.error) throw classifyMetaError({ status: response.status, error: body?.error ?? null, headers: response.headers });
  return body;
}
