import "server-only";

export type SafeFetchErrorCode =
  | "invalid_url" // not a URL, or one with credentials in it
  | "scheme" // not http: or https:
  | "private_address" // points at this machine, a private network or cloud metadata
  | "dns" // the name does not resolve
  | "timeout" // the whole fetch, redirects and body included, took too long
  | "network" // refused, reset, bad certificate, unreadable answer
  | "status" // the site answered, but not with 2xx
  | "content_type" // the site answered with something other than what was asked for
  | "too_large" // the body went past maxBytes
  | "too_many_redirects";

/**
 * Why a fetch of a user-supplied URL did not happen or did not finish. `userMessage`
 * is written for a marketer and safe to show; `message` adds the details for the log.
 */
export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    readonly userMessage: string,
    readonly details?: { url?: string; status?: number; cause?: unknown },
  ) {
    super(details?.url ? `${userMessage} (${details.url})` : userMessage, { cause: details?.cause });
    this.name = "SafeFetchError";
  }

  get status(): number | undefined {
    return this.details?.status;
  }
}

export function isSafeFetchError(error: unknown): error is SafeFetchError {
  return error instanceof SafeFetchError;
}

export const refusedPrivate = (url: string) =>
  new SafeFetchError("private_address", "That address points to a private network, so AdPilot will not fetch it.", { url });

/** "2 MB", "500 KB", "1.5 MB": how a marketer reads a size. */
export function describeBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "10 seconds", "1 second", "0.3 seconds". */
export function describeSeconds(milliseconds: number): string {
  const seconds = Number((milliseconds / 1000).toFixed(1));
  return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

const STATUS_HINTS: Record<number, string> = {
  401: "the page needs a login",
  403: "the site may block automated visitors",
  404: "the page was not found",
  410: "the page was removed",
  429: "the site asked us to slow down; try again in a minute",
};

export function statusError(url: string, status: number): SafeFetchError {
  const hint = STATUS_HINTS[status] ?? (status >= 500 ? "the site has a problem right now; try again later" : undefined);
  const message = hint ? `The site answered ${status} (${hint}).` : `The site answered ${status}.`;
  return new SafeFetchError("status", message, { url, status });
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NODATA", "EAI_NONAME", "EAI_FAIL", "ENODATA"]);
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** Turns a low-level socket, TLS or DNS error into something a marketer can act on. */
export function networkError(url: string, cause: unknown): SafeFetchError {
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
  if (DNS_CODES.has(code)) return new SafeFetchError("dns", "We could not find that website — check the address.", { url, cause });
  if (code === "ECONNREFUSED") return new SafeFetchError("network", "The site refused the connection.", { url, cause });
  if (RESET_CODES.has(code)) return new SafeFetchError("network", "The site closed the connection before answering.", { url, cause });
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new SafeFetchError("network", "The site's security certificate is not valid, so AdPilot will not fetch it.", { url, cause });
  }
  if (code.startsWith("HPE_")) return new SafeFetchError("network", "The site sent an answer AdPilot could not read.", { url, cause });
  return new SafeFetchError("network", "We could not reach that website.", { url, cause });
}
