import "server-only";
import { ApiError } from "@google/genai";
import { AiError } from "../errors";

/**
 * Turns what the SDK throws into an AiError the job can act on. The SDK's
 * ApiError carries the HTTP status and Google's JSON error body as its message:
 * {"error":{"code","message","status","details":[…]}}.
 */
type GoogleErrorBody = { code?: number; message?: string; status?: string; details?: Array<Record<string, unknown>> };

const MESSAGES = {
  rate_limited: "Google's AI is handling too many requests from AdPilot right now. We'll try again shortly.",
  quota_exhausted: "AdPilot has used up its Google AI allowance for now. Generation works again once the quota resets or billing is topped up; an administrator can check the plan in Google AI Studio.",
  unavailable: "Google's AI service is temporarily unavailable. Please try again in a few minutes.",
  auth: "AdPilot could not sign in to Google's AI service. An administrator needs to check GOOGLE_API_KEY.",
  invalid_request: "Google's AI could not accept this request. Try a shorter or simpler prompt.",
  model_missing: "The Google AI model AdPilot is set up to use is not available. An administrator needs to check the AI model settings.",
  precondition: "Google's AI is not available to AdPilot's Google account (region or billing). An administrator needs to check the project in Google AI Studio.",
} as const;

function parseBody(message: string): GoogleErrorBody {
  try {
    const parsed = JSON.parse(message) as { error?: GoogleErrorBody };
    return parsed.error ?? {};
  } catch {
    return { message };
  }
}

function detailsOfType(body: GoogleErrorBody, type: string): Array<Record<string, unknown>> {
  return (body.details ?? []).filter((detail) => String(detail["@type"] ?? "").endsWith(type));
}

/** "41s" / "41.2s" in RetryInfo, else "Please retry in 41.2s." in the message. */
function retryAfterSeconds(body: GoogleErrorBody): number | undefined {
  const delay = detailsOfType(body, "google.rpc.RetryInfo")[0]?.retryDelay;
  const match = (typeof delay === "string" ? /^([\d.]+)s$/.exec(delay) : null) ?? /retry in ([\d.]+)s\b/i.exec(body.message ?? "");
  return match ? Math.ceil(Number(match[1])) : undefined;
}

/**
 * Google words a per-minute limit and a spent daily quota alike ("You exceeded
 * your current quota, please check your plan and billing details"), so the
 * QuotaFailure's quotaId decides; without one, only billing/credit wording
 * (or a limit of 0: the model is not in the plan at all) means "spent".
 */
function isSpentQuota(body: GoogleErrorBody): boolean {
  const violations = detailsOfType(body, "google.rpc.QuotaFailure").flatMap((detail) => (Array.isArray(detail.violations) ? (detail.violations as Array<Record<string, unknown>>) : []));
  const ids = violations.map((violation) => `${String(violation.quotaId ?? "")} ${String(violation.quotaMetric ?? "")}`);
  if (ids.some((id) => /per_?day|per_?month|daily|monthly/i.test(id))) return true;
  if (violations.some((violation) => String(violation.quotaValue ?? "") === "0") || /limit: 0\b/.test(body.message ?? "")) return true;
  if (ids.some((id) => /per_?minute|per_?second/i.test(id))) return false;
  return /prepay|credits? (are |is )?(depleted|exhausted)|billing account|spend(ing)? (cap|limit)/i.test(body.message ?? "");
}

function isKeyProblem(body: GoogleErrorBody): boolean {
  const reasons = detailsOfType(body, "google.rpc.ErrorInfo").map((detail) => String(detail.reason ?? ""));
  return reasons.some((reason) => /API_KEY/.test(reason)) || /api key/i.test(body.message ?? "");
}

/** Google's text, minus anything that looks like the key, short enough for a log line. */
function providerMessage(body: GoogleErrorBody, apiKey: string): string {
  const text = body.message ?? "";
  return (apiKey ? text.split(apiKey).join("[redacted]") : text).slice(0, 500);
}

export function fromApiError(error: ApiError, apiKey: string): AiError {
  const body = parseBody(error.message);
  const status = error.status;
  const details = { status, providerMessage: providerMessage(body, apiKey) };
  if (status === 429) {
    if (isSpentQuota(body)) return new AiError("quota_exhausted", MESSAGES.quota_exhausted, details);
    return new AiError("rate_limited", MESSAGES.rate_limited, { ...details, retryAfterSeconds: retryAfterSeconds(body) });
  }
  if (status === 401 || status === 403 || (status === 400 && isKeyProblem(body))) return new AiError("auth", MESSAGES.auth, details);
  // e.g. "User location is not supported for the API use.": every call would fail until the account is fixed.
  if (body.status === "FAILED_PRECONDITION") return new AiError("auth", MESSAGES.precondition, details);
  if (status === 404) return new AiError("invalid_request", MESSAGES.model_missing, details);
  if (status === 408 || status >= 500) return new AiError("unavailable", MESSAGES.unavailable, details);
  return new AiError("invalid_request", MESSAGES.invalid_request, details);
}

/** Timeouts (the SDK aborts the attempt) and network failures (undici's "fetch failed"). */
function isTransportFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === "AbortError" || error.name === "TimeoutError" || (error instanceof TypeError && /fetch failed|network|socket/i.test(error.message));
}

/** AiErrors pass through; anything unrecognised (a bug, a misuse of the SDK) is rethrown as is. */
export function toAiError(error: unknown, apiKey: string): unknown {
  if (error instanceof AiError) return error;
  if (error instanceof ApiError) return fromApiError(error, apiKey);
  if (isTransportFailure(error)) return new AiError("unavailable", MESSAGES.unavailable, { providerMessage: (error as Error).message.slice(0, 500) });
  return error;
}
