import "server-only";
import { FacebookAdsApi } from "facebook-nodejs-business-sdk";
import { createHmac } from "node:crypto";
import { classifyMetaError, MetaApiError, type GraphErrorBody } from "./errors";
import { metrics } from "@/lib/observability/metrics";
import { readUsage, type MetaUsage } from "./usage";

export type GraphApiOptions = {
  /** https://graph.facebook.com in production; the emulator in sandbox mode and tests. */
  graphUrl: string;
  appSecret: string;
  /** Called with the usage headers of every response, success or error. */
  onUsage?: (usage: MetaUsage) => void;
};

/** hex(HMAC-SHA256(app secret, token)): Meta's proof that a call comes from the app's server. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

function toHeaders(raw: unknown): Headers {
  const headers = new Headers();
  if (raw && typeof raw === "object") {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === "string") headers.set(name, value);
    }
  }
  return headers;
}

/**
 * One SDK API object per access token: the SDK's global default API would let
 * two users' concurrent calls share a token. Every call gets `appsecret_proof`
 * (also the absolute paging URLs the SDK follows verbatim), goes to the
 * configured Graph URL, reports Meta's usage headers, and fails with a
 * classified MetaApiError instead of the SDK's raw error.
 */
export class GraphApi extends FacebookAdsApi {
  /** Receives the usage headers of every response; set by whoever paces calls. */
  onUsage: ((usage: MetaUsage) => void) | undefined;

  constructor(
    accessToken: string,
    private readonly options: GraphApiOptions,
  ) {
    // crash_log=false: otherwise the SDK installs a process-wide uncaughtException handler.
    super(accessToken, "en_US", false);
    this.setShowHeader(true);
    this.onUsage = options.onUsage;
  }

  get graphUrl(): string {
    return this.options.graphUrl;
  }

  get appSecretProof(): string {
    return appSecretProof(this.accessToken, this.options.appSecret);
  }

  override async call<T>(
    method: string,
    path: string | string[],
    params: Record<string, unknown> = {},
    files: Record<string, unknown> = {},
    useMultipartFormData = false,
    urlOverride = "",
  ): Promise<T> {
    const proof = appSecretProof(this.accessToken, this.options.appSecret);
    let target: string | string[] = path;
    let query = params;
    if (typeof path === "string") {
      const url = new URL(path);
      if (!url.searchParams.has("appsecret_proof")) url.searchParams.set("appsecret_proof", proof);
      target = url.toString();
    } else {
      query = { ...params, appsecret_proof: proof };
    }
    try {
      const response = await super.call<Record<string, unknown>>(method, target, query, files, useMultipartFormData, urlOverride || this.options.graphUrl);
      if (response && typeof response === "object" && "headers" in response) {
        this.report(readUsage(toHeaders(response.headers)));
        delete response.headers;
      }
      metrics.metaCalls.inc({ outcome: "ok" });
      return response as T;
    } catch (error) {
      const classified = this.classify(error);
      metrics.metaCalls.inc({ outcome: classified.kind });
      throw classified;
    }
  }

  /** Usage to whoever paces calls, and to the operator's metrics. */
  private report(usage: MetaUsage): void {
    for (const [adAccount, pct] of Object.entries(usage.accountPct)) metrics.metaUsage.set({ ad_account: adAccount }, pct);
    this.onUsage?.(usage);
  }

  private classify(error: unknown): MetaApiError {
    if (error instanceof MetaApiError) return error;
    // The SDK does not export FacebookRequestError; recognise it by name.
    if (error instanceof Error && error.name === "FacebookRequestError") {
      const failure = error as Error & { status?: number | null; response?: GraphErrorBody | null; headers?: unknown };
      const headers = toHeaders(failure.headers);
      this.report(readUsage(headers));
      return classifyMetaError({ status: failure.status ?? null, error: failure.response ?? null, headers });
    }
    return classifyMetaError({ status: null, error: { message: error instanceof Error ? error.message : "request failed" } });
  }
}
