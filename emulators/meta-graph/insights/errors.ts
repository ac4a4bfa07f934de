/**
 * Errors the insights logic throws. Plain data on purpose (no dependency on the
 * core's error class): the request handler maps `code`, `subcode`, `message`
 * and the user texts onto Meta's `{"error": {...}}` envelope.
 */
export class InsightsError extends Error {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type = "OAuthException";
  /** HTTP status Meta answers with; clients classify by `code`. */
  readonly status: number;
  readonly userTitle: string | undefined;
  readonly userMsg: string | undefined;
  readonly isTransient: boolean;

  constructor(args: {
    message: string;
    code: number;
    subcode?: number;
    status?: number;
    userTitle?: string;
    userMsg?: string;
    isTransient?: boolean;
  }) {
    super(args.message);
    this.name = "InsightsError";
    this.code = args.code;
    this.subcode = args.subcode;
    this.status = args.status ?? 400;
    this.userTitle = args.userTitle;
    this.userMsg = args.userMsg;
    this.isTransient = args.isTransient ?? false;
  }
}

export const isInsightsError = (value: unknown): value is InsightsError => value instanceof InsightsError;

/** 100: a malformed or unsupported parameter. */
export const invalidParameter = (message: string): InsightsError =>
  new InsightsError({ message: `(#100) ${message}`, code: 100 });

/** 100/1487534: the synchronous request covers too many rows; clients split it or go async. */
export const tooMuchData = (): InsightsError =>
  new InsightsError({
    message: "Please reduce the amount of data you're asking for, then retry your request",
    code: 100,
    subcode: 1487534,
    userTitle: "Too Much Data Requested",
    userMsg: "Please reduce the amount of data you're asking for, then retry your request",
  });

/** 100/33: the object (here a report run) does not exist. */
export const unknownObject = (id: string): InsightsError =>
  new InsightsError({
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    code: 100,
    subcode: 33,
  });

/** 100: results of a report run were requested before it completed. */
export const reportNotReady = (id: string): InsightsError =>
  invalidParameter(`Report run ${id} has not completed yet; poll it until async_status is "Job Completed"`);

/** -2/2490547: the async job failed; Meta's advice (and peers' practice) is to retry, then split. */
export const reportFailed = (): InsightsError =>
  new InsightsError({
    message: "An unknown error occurred",
    code: -2,
    subcode: 2490547,
    userTitle: "Async Report Failed",
    userMsg: "The async report job failed. Please retry, or split the request into smaller ones.",
    isTransient: true,
  });
