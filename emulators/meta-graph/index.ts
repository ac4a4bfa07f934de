/**
 * Meta Graph API (v24.0) emulator.
 *
 * A Fetch-API handler that speaks Graph's wire protocol closely enough that the
 * unmodified facebook-nodejs-business-sdk and plain fetch can't tell it apart:
 * Facebook Login (dialog, code exchange, long-lived exchange, debug_token),
 * Marketing API objects (campaigns, ad sets, creatives, ads, images, videos) with
 * Meta's validation, error envelope, cursor paging, batch requests and rate-limit
 * headers, insights (sync edges and async report runs, simulated by ./insights from
 * the stored objects and their status/budget histories), plus fault injection for tests.
 *
 *   const { url, emulator, close } = await startGraphEmulator({ appId, appSecret });
 *   const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_management"] });
 *
 * Mounted inside the app it serves the sandbox: createGraphEmulator({ baseUrl, pathPrefix }).handle.
 * Insights are computed as of the emulator clock (`now`): advance it to let ads deliver.
 */
import type { EmulatorContext, InsightsOptions } from "./context";
import { FaultInjector } from "./faults";
import { seedSandbox } from "./fixtures";
import { createHandler } from "./handler";
import type { AccessTier } from "./rate-limit";
import { serveOnLoopback } from "../serve-on-loopback";
import { createMemoryStore, type GraphStore } from "./store";
import { buildToken } from "./tokens";

export { SANDBOX, seedSandbox } from "./fixtures";
export { FaultInjector, type FaultKind, type FaultRule } from "./faults";
export { createMemoryStore, type GraphStore } from "./store";
export { appsecretProof } from "./tokens";
export { qualityForAd } from "./quality";
export { LIMITS as RATE_LIMITS, type AccessTier } from "./rate-limit";
export { GRAPH_VERSION, type InsightsOptions } from "./context";
export type * from "./types";

export type GraphEmulatorOptions = {
  appId: string;
  appSecret: string;
  /** absolute base URL the emulator is reachable at, used for paging.next and dialog redirects, e.g. http://127.0.0.1:PORT or http://localhost:3000/api/sandbox/graph */
  baseUrl: string;
  /** path prefix when mounted inside an app, e.g. "/api/sandbox/graph"; "" standalone */
  pathPrefix?: string;
  /** injectable clock (token expiry, rate-limit decay, insights delivery and report-run progress) */
  now?: () => Date;
  /** defaults to a fresh in-memory store seeded with sandbox fixtures */
  store?: GraphStore;
  /** Marketing API access tier the app has; decides the rate limits (default "development", Meta's tier for new apps) */
  accessTier?: AccessTier;
  /** insights tuning: report-run duration, synchronous "too much data" threshold */
  insights?: InsightsOptions;
};

export type GraphEmulator = {
  handle(request: Request): Promise<Response>;
  store: GraphStore;
  faults: FaultInjector;
  /** mints a user token directly (skipping the dialog); long-lived unless expiresInSeconds says otherwise (0 = never expires) */
  issueToken(args: { userId: string; scopes: string[]; expiresInSeconds?: number }): string;
};

export function createGraphEmulator(options: GraphEmulatorOptions): GraphEmulator {
  const ownStore = !options.store;
  const store = options.store ?? createMemoryStore();
  const faults = new FaultInjector();
  const ctx: EmulatorContext = {
    appId: options.appId,
    appSecret: options.appSecret,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    now: options.now ?? (() => new Date()),
    accessTier: options.accessTier ?? "development",
    store,
    faults,
    insights: options.insights,
  };
  // Writes started synchronously (seeding, issueToken) finish before any request is served,
  // whatever the store's latency.
  const pending = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };
  if (ownStore) track(seedSandbox(store));
  const ready = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };

  return {
    handle: createHandler(ctx, options.pathPrefix ?? "", ready),
    store,
    faults,
    issueToken(args) {
      const token = buildToken(ctx, { ...args, kind: "long" });
      track(store.put("tokens", token));
      return token.id;
    },
  };
}

/** Serves a fresh emulator on a random 127.0.0.1 port; `url` is its baseUrl (point FacebookAdsApi.GRAPH at it). */
export async function startGraphEmulator(options: Omit<GraphEmulatorOptions, "baseUrl">): Promise<{ url: string; emulator: GraphEmulator; close(): Promise<void> }> {
  // The base URL is only known once the port is bound, so the server delegates to an emulator created right after.
  const late: { emulator?: GraphEmulator } = {};
  const served = await serveOnLoopback((request) => {
    if (!late.emulator) throw new Error("Graph emulator not ready");
    return late.emulator.handle(request);
  }, { name: "meta-graph", crash: () => new Response("emulator error", { status: 500, headers: { "content-type": "text/plain" } }) });
  const url = `${served.url}${(options.pathPrefix ?? "").replace(/\/+$/, "")}`;
  const emulator = createGraphEmulator({ ...options, baseUrl: url });
  late.emulator = emulator;
  return { url, emulator, close: served.close };
}
