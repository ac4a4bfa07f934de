import { AdAccount } from "facebook-nodejs-business-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX } from "./index";
import { act, campaignParams, sdkError, startHarness, type Harness } from "./test-support";

const account = () => new AdAccount(act(SANDBOX.sam.adAccountId));

describe("fault injection: lost responses and arbitrary Graph errors", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.close());

  it("lostResponse: the object is created, but the caller sees a transient 500", async () => {
    harness.emulator.faults.add({ kind: "lostResponse", method: "POST", path: /\/campaigns$/ });
    const error = await sdkError(account().createCampaign([], campaignParams({ name: "Lost answer" })));
    expect(error.status).toBe(500);
    expect(error.response).toMatchObject({ code: 2, is_transient: true });
    const stored = await harness.emulator.store.list("campaigns", { accountId: SANDBOX.sam.adAccountId });
    expect(stored.filter((campaign) => campaign.name === "Lost answer")).toHaveLength(1);
  });

  it("error: answers with the given code, subcode and user message, and creates nothing", async () => {
    harness.emulator.faults.add({ kind: "error", code: 100, subcode: 1487390, userTitle: "Bad", userMsg: "Fix the thing.", path: /\/campaigns$/ });
    const error = await sdkError(account().createCampaign([], campaignParams({ name: "Refused" })));
    expect(error.status).toBe(400);
    expect(error.response).toMatchObject({ code: 100, error_subcode: 1487390, error_user_title: "Bad", error_user_msg: "Fix the thing.", message: "Invalid parameter" });
    const stored = await harness.emulator.store.list("campaigns", { accountId: SANDBOX.sam.adAccountId });
    expect(stored.filter((campaign) => campaign.name === "Refused")).toEqual([]);
  });
});
