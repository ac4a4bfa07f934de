import { AdAccount } from "facebook-nodejs-business-sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FaultInjector, SANDBOX } from "./index";
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

describe("fault injection: errors at random", () => {
  /** A repeatable generator, so the rate check never flakes. */
  const seeded = (seed: number) => () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };

  it("fails about the given share of matching calls, for as long as the run lasts", () => {
    const faults = new FaultInjector().add({ kind: "transient", times: Infinity, probability: 0.1, path: /\/insights$/, random: seeded(7) });
    const plans = Array.from({ length: 10_000 }, () => faults.take("GET", "/v24.0/act_1/insights"));
    const failed = plans.filter((plan) => plan.failure?.kind === "transient").length;
    expect(failed / plans.length).toBeGreaterThan(0.09);
    expect(failed / plans.length).toBeLessThan(0.11);
    // Other paths are never touched, and the rule is still there.
    expect(faults.take("GET", "/v24.0/act_1/campaigns").failure).toBeUndefined();
    expect(faults.pending).toBe(1);
  });

  it("counts only the calls it failed against `times`, and leaves the rest to other rules", () => {
    const faults = new FaultInjector().add({ kind: "transient", times: 2, probability: 0.5, random: seeded(3) }).add({ kind: "delay", ms: 5, times: Infinity });
    const plans = Array.from({ length: 50 }, () => faults.take("GET", "/v24.0/me"));
    expect(plans.filter((plan) => plan.failure).length).toBe(2);
    expect(plans.every((plan) => plan.delayMs === 5)).toBe(true);
  });

  it("answers a randomly failed call over the wire as Graph's transient error", async () => {
    const harness = await startHarness();
    try {
      harness.emulator.faults.add({ kind: "transient", times: Infinity, probability: 1 });
      const response = await fetch(`${harness.url}/v24.0/act_${SANDBOX.sam.adAccountId}/campaigns?access_token=${harness.token}`);
      expect(response.status).toBe(500);
      expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 2, is_transient: true });
      harness.emulator.faults.clear();
      harness.emulator.faults.add({ kind: "transient", times: Infinity, probability: 0 });
      expect((await fetch(`${harness.url}/v24.0/act_${SANDBOX.sam.adAccountId}/campaigns?access_token=${harness.token}`)).status).toBe(200);
    } finally {
      await harness.close();
    }
  });
});
