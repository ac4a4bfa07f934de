/**
 * Google's error envelope, `{"error":{"code","message","status","details"}}`, always
 * served as application/json: the SDK parses JSON error bodies into `ApiError.message`.
 * The messages are the ones the Gemini API sends, so callers' classifiers meet real text.
 */
export type GoogleStatus = "INVALID_ARGUMENT" | "PERMISSION_DENIED" | "NOT_FOUND" | "RESOURCE_EXHAUSTED" | "INTERNAL" | "UNAVAILABLE" | "FAILED_PRECONDITION";

export class GoogleApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly status: GoogleStatus,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }

  toResponse(): Response {
    const error = { code: this.httpStatus, message: this.message, status: this.status, ...(this.details ? { details: this.details } : {}) };
    return Response.json({ error }, { status: this.httpStatus });
  }
}

export const invalidArgument = (message: string) => new GoogleApiError(400, "INVALID_ARGUMENT", message);

export const notFound = (message: string) => new GoogleApiError(404, "NOT_FOUND", message);

export const modelNotFound = (model: string, method: string) =>
  notFound(`models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`);

const API_KEY_INVALID = "API key not valid. Please pass a valid API key.";

export const apiKeyInvalid = () =>
  new GoogleApiError(400, "INVALID_ARGUMENT", API_KEY_INVALID, [
    { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message: API_KEY_INVALID },
  ]);

export const apiKeyMissing = () =>
  new GoogleApiError(
    403,
    "PERMISSION_DENIED",
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );

const QUOTA_HELP = {
  "@type": "type.googleapis.com/google.rpc.Help",
  links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }],
};

function quotaMessage(metric: string, limit: number, model: string, retry: string): string {
  return (
    "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. " +
    "To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. \n" +
    `* Quota exceeded for metric: generativelanguage.googleapis.com/${metric}, limit: ${limit}, model: ${model}\nPlease retry in ${retry}.`
  );
}

function quotaFailure(metric: string, quotaId: string, limit: number, model: string) {
  return {
    "@type": "type.googleapis.com/google.rpc.QuotaFailure",
    violations: [{ quotaMetric: `generativelanguage.googleapis.com/${metric}`, quotaId, quotaDimensions: { location: "global", model }, quotaValue: String(limit) }],
  };
}

/**
 * A per-minute limit. Google words it like a spent quota ("check your plan and
 * billing details"); only the QuotaFailure's quotaId and the RetryInfo tell it apart.
 */
export function rateLimited(model: string, retryDelaySeconds: number): GoogleApiError {
  const metric = "generate_content_free_tier_requests";
  return new GoogleApiError(429, "RESOURCE_EXHAUSTED", quotaMessage(metric, 10, model, `${retryDelaySeconds}s`), [
    quotaFailure(metric, "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", 10, model),
    QUOTA_HELP,
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryDelaySeconds}s` },
  ]);
}

/** A spent daily quota ("daily") or prepaid credits that ran out ("billing"): retrying today does not help. */
export function quotaExhausted(model: string, flavour: "daily" | "billing"): GoogleApiError {
  if (flavour === "billing") {
    return new GoogleApiError(429, "RESOURCE_EXHAUSTED", "Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing.");
  }
  const metric = "generate_content_free_tier_requests";
  return new GoogleApiError(429, "RESOURCE_EXHAUSTED", quotaMessage(metric, 250, model, "7h12m3.5s"), [
    quotaFailure(metric, "GenerateRequestsPerDayPerProjectPerModel-FreeTier", 250, model),
    QUOTA_HELP,
  ]);
}

export const internal = () =>
  new GoogleApiError(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting");

export const unavailable = () => new GoogleApiError(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
