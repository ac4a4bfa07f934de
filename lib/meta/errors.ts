/**
 * Meta's errors, sorted into what the caller should do about them. Classified by
 * `code` (Meta answers most errors with HTTP 400), per meta-graph-api.md.
 */
export type MetaErrorKind =
  /** The token is invalid or expired: mark the connection "needs reconnect"; never retry. */
  | "auth"
  /** The user did not grant a permission, or the app lacks access. */
  | "permission"
  /** Throttled: wait `retryAfterSeconds`, as a delayed re-delivery. */
  | "rate_limited"
  /** Meta's side hiccuped: retry with backoff. */
  | "transient"
  /** Our request was wrong; `userMessage` says why in Meta's words. */
  | "invalid_request";

export type GraphErrorBody = {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
  is_transient?: boolean;
};

export class MetaApiError extends Error {
  constructor(
    readonly kind: MetaErrorKind,
    message: string,
    readonly details: {
      code?: number;
      subcode?: number;
      status?: number | null;
      userMessage?: string;
      retryAfterSeconds?: number;
      fbtraceId?: string;
    } = {},
  ) {
    super(message);
    this.name = "MetaApiError";
  }

  /** What to show a marketer. */
  get userMessage(): string {
    return this.details.userMessage ?? DEFAULT_MESSAGES[this.kind];
  }
}

const DEFAULT_MESSAGES: Record<MetaErrorKind, string> = {
  auth: "Your Meta connection has expired or was removed. Reconnect your account in Settings.",
  permission: "AdPilot does not have permission to do that on your Meta account. Reconnect and grant the requested permissions.",
  rate_limited: "Meta is limiting how fast AdPilot can work on this ad account. AdPilot will continue automatically.",
  transient: "Meta had a temporary problem. AdPilot will try again shortly.",
  invalid_request: "Meta rejected the request.",
};

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80000, 80001, 80002, 80003, 80004, 80005, 80006, 80008, 80009, 80014]);

/** Minutes from X-Business-Use-Case-Usage, the largest estimated_time_to_regain_access. */
export function regainSeconds(headers: Headers | Record<string, string> | undefined): number | undefined {
  const raw = headers instanceof Headers ? headers.get("x-business-use-case-usage") : headers?.["x-business-use-case-usage"];
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const minutes = Math.max(0, ...Object.values(usage).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0));
    return minutes > 0 ? minutes * 60 : undefined;
  } catch {
    return undefined;
  }
}

export function classifyMetaError(input: {
  status?: number | null;
  error?: GraphErrorBody | null;
  headers?: Headers | Record<string, string>;
}): MetaApiError {
  const { status, error, headers } = input;
  const code = error?.code;
  const details = {
    code,
    subcode: error?.error_subcode,
    status,
    userMessage: error?.error_user_msg || undefined,
    fbtraceId: error?.fbtrace_id,
  };
  const message = error?.message ?? (status ? `Meta answered HTTP ${status}` : "Meta could not be reached");

  if (code === 190 || code === 102) return new MetaApiError("auth", message, { ...details, userMessage: undefined });
  if (code === 10 || code === 294 || (code !== undefined && code >= 200 && code <= 299)) return new MetaApiError("permission", message, details);
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) {
    // Budget edits (613/1487632) reset hourly; the rest say how long in the usage header.
    const fallback = code === 613 && error?.error_subcode === 1487632 ? 3600 : 300;
    return new MetaApiError("rate_limited", message, { ...details, retryAfterSeconds: regainSeconds(headers) ?? fallback });
  }
  if (code === 1 || code === 2 || error?.is_transient || !status || status >= 500) return new MetaApiError("transient", message, details);
  return new MetaApiError("invalid_request", message, details);
}
