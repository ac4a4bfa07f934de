/**
 * The one error type route handlers throw or return. The code names what went
 * wrong and about what ("not_found:file"); the message is safe to show a user.
 * Internal details go to the log, never into the response.
 */
type Kind = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "rate_limited" | "unavailable" | "internal";

const STATUS: Record<Kind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type ErrorCode = Kind | `${Kind}:${string}`;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    private readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = STATUS[code.split(":")[0] as Kind];
  }

  toResponse(): Response {
    return Response.json({ error: { code: this.code, message: this.message } }, { status: this.status, headers: this.headers });
  }
}

export const unauthorized = () => new ApiError("unauthorized", "Sign in to continue.");
/** Used for both "does not exist" and "belongs to someone else", so ids cannot be probed. */
export const notFound = (what: string) => new ApiError(`not_found:${what}`, `That ${what} was not found.`);
