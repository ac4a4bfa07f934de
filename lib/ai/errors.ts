/**
 * Why a provider call failed, in terms the caller can act on: `retryable` errors
 * are retried with backoff inside the job; the rest fail the step with `message`,
 * which is written for the marketer (never a raw provider body).
 */
export type AiErrorKind =
  | "safety_blocked" // the provider refused the prompt or the output
  | "rate_limited" // 429 that is a per-minute limit: wait and retry
  | "quota_exhausted" // 429 for a spent daily/monthly quota: do not retry
  | "unavailable" // 5xx, timeouts, network: retry
  | "auth" // bad or missing key, permission denied: do not retry
  | "invalid_request" // 400 the user can fix (prompt too long, unsupported ratio)
  | "invalid_output"; // the model answered off-schema twice

export class AiError extends Error {
  constructor(
    readonly kind: AiErrorKind,
    message: string,
    readonly details?: { status?: number; providerMessage?: string; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = "AiError";
  }

  /** Every AiError message is written for the marketer, so job failures may show it as is. */
  get userMessage(): string {
    return this.message;
  }

  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable";
  }
}

export function isAiError(error: unknown): error is AiError {
  return error instanceof AiError;
}
