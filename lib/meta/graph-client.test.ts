import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX, startGraphEmulator, type GraphEmulator } from "@/emulators/meta-graph";
import { MetaApiError } from "./errors";
import { GraphApi } from "./graph-api";
import { fetchMetaProfile } from "./profile";
import { adVideoStatus, uploadAdImage, uploadAdVideo } from "./uploads";
import type { MetaUsage } from "./usage";

// AdPilot's client on the unmodified SDK, over HTTP, against the standalone emulator.
const APP = { appId: "555000000000001", appSecret: "graph-client-test-secret" };
const ALL = ["ads_management", "ads_read", "business_management", "pages_show_list", "pages_read_engagement"];
let graph: { url: string; emulator: GraphEmulator; close(): Promise<void> };

beforeAll(async () => {
  graph = await startGraphEmulator({ ...APP, accessTier: "standard" });
});
afterAll(async () => graph?.close());

const client = (scopes = ALL, appSecret = APP.appSecret, onUsage?: (usage: MetaUsage) => void) =>
  new GraphApi(graph.emulator.issueToken({ userId: SANDBOX.sam.userId, scopes }), { graphUrl: graph.url, appSecret, onUsage });

async function metaError(promise: Promise<unknown>): Promise<MetaApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MetaApiError) return error;
    throw error;
  }
  throw new Error("expected a MetaApiError");
}

describe("Graph client", () => {
  it("reads the profile, every ad account page and the Pages", async () => {
    const profile = await fetchMetaProfile(client());
    expect(profile).toMatchObject({ userId: SANDBOX.sam.userId, name: "Sam Sandbox" });
    expect(profile.adAccounts.map((account) => account.adAccountId).sort()).toEqual([`act_${SANDBOX.sam.adAccountId}`, `act_${SANDBOX.sam.eurAdAccountId}`]);
    expect(profile.adAccounts.find((account) => account.currency === "EUR")).toMatchObject({ timezone: "Europe/Berlin", accountStatus: 1 });
    expect(profile.pages).toEqual([{ id: SANDBOX.sam.pageId, name: "Sam's Sandbox Shop" }]);
  });

  it("signs every call with appsecret_proof, including absolute paging URLs", async () => {
    const wrong = client(ALL, "not-the-app-secret");
    expect((await metaError(wrong.call("GET", ["me"], { fields: "id" }))).details).toMatchObject({ code: 100 });
    const nextPage = `${graph.url}/v24.0/me/adaccounts?limit=1&after=MQ&access_token=${encodeURIComponent(wrong.accessToken)}`;
    const error = await metaError(wrong.call("GET", nextPage));
    expect(error.kind).toBe("invalid_request");
    expect(error.message).toMatch(/appsecret_proof/);
  });

  it("reports usage headers per ad account, on success and on error", async () => {
    const seen: MetaUsage[] = [];
    const api = client(ALL, APP.appSecret, (usage) => seen.push(usage));
    await api.call("GET", [`act_${SANDBOX.sam.adAccountId}`, "campaigns"], { fields: "id,name" });
    expect(seen.at(-1)!.accountPct).toHaveProperty(SANDBOX.sam.adAccountId);
    graph.emulator.faults.add({ kind: "transient" });
    await metaError(api.call("GET", [`act_${SANDBOX.sam.adAccountId}`, "campaigns"], { fields: "id" }));
    expect(seen).toHaveLength(2);
  });

  it.each([
    ["an expired token", { kind: "tokenExpired" } as const, "auth"],
    ["throttling", { kind: "rateLimit", regainMinutes: 3 } as const, "rate_limited"],
    ["a transient hiccup", { kind: "transient", code: 2 } as const, "transient"],
    ["a bare 500", { kind: "http500" } as const, "transient"],
  ])("classifies %s", async (_label, fault, kind) => {
    graph.emulator.faults.add(fault);
    const error = await metaError(client().call("GET", [`act_${SANDBOX.sam.adAccountId}`, "campaigns"], { fields: "id" }));
    expect(error.kind).toBe(kind);
    if (kind === "rate_limited") expect(error.details.retryAfterSeconds).toBe(180);
  });

  it("classifies a missing permission and an invalid request with Meta's message", async () => {
    const readOnly = client(["ads_read"]);
    const denied = await metaError(
      readOnly.call("POST", [`act_${SANDBOX.sam.adAccountId}`, "campaigns"], { name: "x", objective: "OUTCOME_SALES", status: "PAUSED", special_ad_categories: [] }),
    );
    expect(denied.kind).toBe("permission");
    const legacy = await metaError(
      client().call("POST", [`act_${SANDBOX.sam.adAccountId}`, "campaigns"], { name: "x", objective: "CONVERSIONS", status: "PAUSED", special_ad_categories: [] }),
    );
    expect(legacy.kind).toBe("invalid_request");
    expect(legacy.userMessage.length).toBeGreaterThan(10);
  });

  it("uploads an image and a chunked video, and follows the video's processing", async () => {
    const api = client();
    const image = await uploadAdImage(api, `act_${SANDBOX.sam.adAccountId}`, new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]));
    expect(image.hash).toMatch(/\w{8,}/);
    const video = new Uint8Array(3 * 1024 * 1024 + 17).map((_, index) => index % 251);
    const { videoId } = await uploadAdVideo(api, `act_${SANDBOX.sam.adAccountId}`, video, "Spring spot");
    let status = await adVideoStatus(api, videoId);
    for (let poll = 0; poll < 10 && status.status === "processing"; poll++) status = await adVideoStatus(api, videoId);
    expect(status.status).toBe("ready");
  });
});
