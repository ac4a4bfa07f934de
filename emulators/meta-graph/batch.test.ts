import { FacebookAdsApi, FacebookAdsApiBatch } from "facebook-nodejs-business-sdk";
import type APIResponse from "facebook-nodejs-business-sdk/src/api-response";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX } from "./index";
import { campaignParams, startHarness, type Harness } from "./test-support";

const accountId = SANDBOX.sam.adAccountId;
type BatchEntry = { code: number; headers: Array<{ name: string; value: string }>; body: string } | null;

describe("batch requests", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it("runs the SDK's JSON-body batch (raw, unencoded item bodies) in order", async () => {
    const successes: APIResponse[] = [];
    const failures: APIResponse[] = [];
    const batch = new FacebookAdsApiBatch(FacebookAdsApi.getDefaultApi());
    const onSuccess = (response: APIResponse) => successes.push(response);
    const onFailure = (response: APIResponse) => failures.push(response);
    batch.add("POST", [`act_${accountId}`, "campaigns"], campaignParams({ name: "Batch: 50% off" }), undefined, onSuccess, onFailure);
    batch.add("GET", ["me"], { fields: "id,name" }, undefined, onSuccess, onFailure);
    batch.add("POST", [`act_${accountId}`, "campaigns"], campaignParams({ objective: "CONVERSIONS" }), undefined, onSuccess, onFailure);
    expect(await batch.execute()).toBeNull();

    expect(successes.map((response) => response.status)).toEqual([200, 200]);
    const created = successes[0]?.body as { id: string };
    expect(successes[1]?.body).toEqual({ id: SANDBOX.sam.userId, name: "Sam Sandbox" });
    expect(failures).toHaveLength(1);
    // For batch items the SDK's FacebookRequestError.response is the whole body, {error: {...}}.
    expect(failures[0]?.error.response.error).toMatchObject({ code: 100, error_subcode: 2490487 });

    const read = await fetch(`${harness.url}/v24.0/${created.id}?fields=name&access_token=${harness.token}`);
    // The SDK does not encode item bodies: a raw "%" survives, but a raw "&" would split the value, as on Graph.
    expect(await read.json()).toEqual({ id: created.id, name: "Batch: 50% off" });
  });

  it("accepts the form encoding with depends_on and JSONPath results, per-item headers", async () => {
    const batch = [
      { method: "POST", relative_url: `act_${accountId}/campaigns`, name: "create", body: new URLSearchParams({ name: "Form batch", objective: "OUTCOME_TRAFFIC", status: "PAUSED", special_ad_categories: "[]", is_adset_budget_sharing_enabled: "false" }).toString() },
      { method: "GET", relative_url: "v24.0/{result=create:$.id}?fields=name,objective", depends_on: "create" },
      { method: "GET", relative_url: "999999999?fields=name" },
    ];
    const response = await fetch(`${harness.url}/v24.0/`, { method: "POST", body: new URLSearchParams({ access_token: harness.token, batch: JSON.stringify(batch) }) });
    expect(response.status).toBe(200);
    const entries = (await response.json()) as BatchEntry[];
    expect(entries).toHaveLength(3);
    // A named request that a later one references is omitted on success, as on Graph.
    expect(entries[0]).toBeNull();
    expect(entries[1]?.code).toBe(200);
    expect(JSON.parse(entries[1]?.body ?? "{}")).toMatchObject({ name: "Form batch", objective: "OUTCOME_TRAFFIC" });
    expect(entries[1]?.headers.map((header) => header.name)).toEqual(expect.arrayContaining(["Content-Type", "x-ad-account-usage", "x-business-use-case-usage"]));
    expect(entries[2]?.code).toBe(400);
    expect(JSON.parse(entries[2]?.body ?? "{}").error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it("refuses more than 50 items", async () => {
    const batch = Array.from({ length: 51 }, () => ({ method: "GET", relative_url: "me" }));
    const response = await fetch(`${harness.url}/v24.0`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ access_token: harness.token, batch }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number; message: string } }).error).toMatchObject({ code: 100, message: expect.stringContaining("Maximum batch size is 50") });
  });
});
