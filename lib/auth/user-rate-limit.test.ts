import { describe, expect, it } from "vitest";
import { ruleForTier, limitUser } from "./user-rate-limit";

const rule = { name: `test:tier-${crypto.randomUUID()}`, limit: 3, windowSeconds: 3600 };

describe("per-user limits by plan", () => {
  it("scale the base rule by the plan's multiplier and keep one counter", async () => {
    expect(ruleForTier(rule, "starter").limit).toBe(3);
    expect(ruleForTier(rule, "professional").limit).toBe(6);
    expect(ruleForTier(rule, "business").limit).toBe(15);
    expect(ruleForTier(rule, "business").name).toBe(rule.name);

    const user = { id: crypto.randomUUID(), subscriptionTier: "starter" as const };
    const starter = [];
    for (let i = 0; i < 4; i++) starter.push((await limitUser(rule, user)).success);
    expect(starter).toEqual([true, true, true, false]);
    // Upgrading lifts the ceiling on the same count: three more, not six.
    const upgraded = { ...user, subscriptionTier: "professional" as const };
    const professional = [];
    for (let i = 0; i < 4; i++) professional.push((await limitUser(rule, upgraded)).success);
    expect(professional).toEqual([true, true, true, false]);
  });
});
