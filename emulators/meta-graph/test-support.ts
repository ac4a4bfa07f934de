/**
 * Test helpers: run an emulator and point the unmodified business SDK at it by
 * redefining FacebookAdsApi's static GRAPH / GRAPH_VIDEO getters (see docs/meta-graph-api.md).
 */
import { FacebookAdsApi } from "facebook-nodejs-business-sdk";
import { startGraphEmulator, SANDBOX, type GraphEmulator } from "./index";

export const APP = { appId: "987654321000001", appSecret: "sandbox-app-secret-0123456789abcdef" };
export const ALL_SCOPES = ["ads_management", "ads_read", "business_management", "pages_show_list", "pages_read_engagement"];

/** The inner error object of a FacebookRequestError (the SDK's d.ts omits the subcode fields). */
export type GraphErrorBody = { message: string; type: string; code: number; error_subcode?: number; error_user_title?: string; error_user_msg?: string; fbtrace_id: string; is_transient: boolean };
export type SdkRequestError = Error & { name: "FacebookRequestError"; status: number | null; response: GraphErrorBody | null; headers: Record<string, string> | null };

export type Harness = { url: string; emulator: GraphEmulator; token: string; close(): Promise<void> };

const originals = {
  GRAPH: Object.getOwnPropertyDescriptor(FacebookAdsApi, "GRAPH"),
  GRAPH_VIDEO: Object.getOwnPropertyDescriptor(FacebookAdsApi, "GRAPH_VIDEO"),
};

export function pointSdkAt(url: string, token: string): FacebookAdsApi {
  Object.defineProperty(FacebookAdsApi, "GRAPH", { get: () => url, configurable: true });
  Object.defineProperty(FacebookAdsApi, "GRAPH_VIDEO", { get: () => url, configurable: true });
  // crash_log=false: otherwise the SDK installs a process-wide uncaughtException reporter.
  return FacebookAdsApi.init(token, "en_US", false);
}

export function restoreSdk(): void {
  for (const [name, descriptor] of Object.entries(originals)) {
    if (descriptor) Object.defineProperty(FacebookAdsApi, name, descriptor);
    else Reflect.deleteProperty(FacebookAdsApi, name);
  }
}

/** Standard access by default so object tests are not throttled; rate-limit tests ask for "development". */
export async function startHarness(options: { now?: () => Date; accessTier?: "development" | "standard" } = {}): Promise<Harness> {
  const { url, emulator, close } = await startGraphEmulator({ ...APP, accessTier: "standard", ...options });
  const token = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ALL_SCOPES });
  pointSdkAt(url, token);
  return {
    url,
    emulator,
    token,
    close: async () => {
      restoreSdk();
      await close();
    },
  };
}

/** Awaits a promise that must reject with a FacebookRequestError and returns it (edge getters are typed `Cursor | Promise`). */
export async function sdkError(promise: unknown): Promise<SdkRequestError> {
  try {
    await promise;
  } catch (error) {
    if ((error as Error).name === "FacebookRequestError") return error as SdkRequestError;
    throw error;
  }
  throw new Error("expected the call to fail");
}

export const act = (id: string) => `act_${id}`;

/** Params for a campaign the emulator accepts, overridable per test. */
export const campaignParams = (overrides: Record<string, unknown> = {}) => ({
  name: "Spring Sale",
  objective: "OUTCOME_SALES",
  status: "PAUSED",
  special_ad_categories: [],
  is_adset_budget_sharing_enabled: false,
  ...overrides,
});

export const adSetParams = (campaignId: string, overrides: Record<string, unknown> = {}) => ({
  name: "US buyers",
  campaign_id: campaignId,
  status: "PAUSED",
  daily_budget: 2000,
  billing_event: "IMPRESSIONS",
  optimization_goal: "OFFSITE_CONVERSIONS",
  promoted_object: { pixel_id: SANDBOX.sam.pixelId, custom_event_type: "PURCHASE" },
  targeting: { geo_locations: { countries: ["US"] }, age_min: 18, age_max: 65 },
  ...overrides,
});

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
