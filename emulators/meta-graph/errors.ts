import { randomBytes } from "node:crypto";

/**
 * A Graph API error. Thrown anywhere in request handling and turned into Meta's
 * error envelope by `errorBody`. HTTP status is usually 400: clients classify by `code`.
 */
export class GraphError extends Error {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type: string;
  readonly status: number;
  readonly userTitle: string | undefined;
  readonly userMsg: string | undefined;
  readonly isTransient: boolean;
  readonly errorData: Record<string, unknown> | undefined;

  constructor(args: {
    message: string;
    code: number;
    subcode?: number;
    type?: string;
    status?: number;
    userTitle?: string;
    userMsg?: string;
    isTransient?: boolean;
    errorData?: Record<string, unknown>;
  }) {
    super(args.message);
    this.code = args.code;
    this.subcode = args.subcode;
    this.type = args.type ?? "OAuthException";
    this.status = args.status ?? 400;
    this.userTitle = args.userTitle;
    this.userMsg = args.userMsg;
    this.isTransient = args.isTransient ?? false;
    this.errorData = args.errorData;
  }
}

/** fbtrace_id looks like a 27-char base64url string on Meta's side. */
export const fbtraceId = () => randomBytes(20).toString("base64url").slice(0, 27);

export function errorBody(error: GraphError): { error: Record<string, unknown> } {
  return {
    error: {
      message: error.message,
      type: error.type,
      code: error.code,
      ...(error.errorData ? { error_data: JSON.stringify(error.errorData) } : {}),
      ...(error.subcode !== undefined ? { error_subcode: error.subcode } : {}),
      is_transient: error.isTransient,
      ...(error.userTitle ? { error_user_title: error.userTitle } : {}),
      ...(error.userMsg ? { error_user_msg: error.userMsg } : {}),
      fbtrace_id: fbtraceId(),
    },
  };
}

// ---- the errors the emulator raises, worded as Meta words them ----

/** Meta answers "no such object" and "not yours" identically, so callers can't probe ids. */
export const unknownObject = (id: string, method: string) =>
  new GraphError({
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: "GraphMethodException",
    code: 100,
    subcode: 33,
  });

/** Parameter-level failures: "(#100) …" with no subcode, as Meta does for plain param checks. */
export const invalidParam = (message: string, errorData?: Record<string, unknown>) =>
  new GraphError({ message: `(#100) ${message}`, code: 100, errorData });

export const requiredParam = (name: string) => invalidParam(`The parameter ${name} is required`);

/** Ads-API validation failures: message "Invalid parameter", detail in the user title/msg. */
export const invalidAdsParam = (subcode: number, userTitle: string, userMsg: string, blameField?: string) =>
  new GraphError({
    message: "Invalid parameter",
    code: 100,
    subcode,
    userTitle,
    userMsg,
    errorData: blameField ? { blame_field_specs: [[blameField]] } : undefined,
  });

export const missingToken = () =>
  new GraphError({ message: "An access token is required to request this resource.", code: 104 });

export const invalidToken = () =>
  new GraphError({ message: "Invalid OAuth access token - Cannot parse access token", code: 190 });

export const expiredToken = (expiredAt: Date, now: Date) =>
  new GraphError({
    message: `Error validating access token: Session has expired on ${expiredAt.toUTCString()}. The current time is ${now.toUTCString()}.`,
    code: 190,
    subcode: 463,
  });

export const badAppsecretProof = () =>
  new GraphError({ message: "Invalid appsecret_proof provided in the API argument", type: "GraphMethodException", code: 100 });

/** `needs` reads like "ads_management" or "either ads_management or ads_read". */
export const missingPermission = (needs: string) =>
  new GraphError({ message: `(#200) Requires ${needs} permission to manage the object`, type: "OAuthException", code: 200 });

export const transientError = (code: 1 | 2) =>
  code === 1
    ? new GraphError({ message: "An unknown error occurred", code: 1, subcode: 99, isTransient: true, status: 500 })
    : new GraphError({ message: "An unexpected error has occurred. Please retry your request later.", code: 2, isTransient: true, status: 500 });
