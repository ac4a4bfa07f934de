import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { aiUsage, brandProfiles } from "@/db/schema";
import { createUser } from "@/tests/support/tenancy";
import { PLACEMENT_IDS } from "./placements";
import { recommendAudience } from "./recommend";
import { audienceStepSchema } from "./validation";

// The offline provider answers in tests (no Google key): the same contract as Gemini.
describe("audience recommendation", () => {
  it("proposes an audience from the brand kit that the audience step accepts as it is", async () => {
    const user = await createUser();
    await db.insert(brandProfiles).values({
      userId: user.id,
      websiteUrl: "https://crumb.example",
      name: "Crumb & Co",
      brandVoice: { audience: "Families with children in Bristol", valuePropositions: ["Fresh sourdough baked every morning"] },
    });
    const proposal = await recommendAudience(user.id, "sales", "A family bakery", { countries: ["GB"] });

    expect(proposal.audience).toMatchObject({ countries: ["GB"], customAudienceIds: [], excludedAudienceIds: [], advantageAudience: true });
    expect(proposal.audience.ageMin).toBeGreaterThanOrEqual(18);
    expect(proposal.audience.ageMax).toBeLessThanOrEqual(65);
    expect(proposal.audience.placements.length).toBeGreaterThan(0);
    expect(proposal.audience.placements.every((placement) => (PLACEMENT_IDS as readonly string[]).includes(placement))).toBe(true);
    expect(proposal.reasoning).toMatch(/families with children/i);
    expect(audienceStepSchema("sales").parse(proposal.audience)).toEqual(proposal.audience);

    // Metered like every provider call, on the user's account.
    expect(await db.select({ operation: aiUsage.operation }).from(aiUsage).where(eq(aiUsage.userId, user.id))).toEqual([{ operation: "strategy" }]);
  });

  it("keeps Advantage+ audience off for retargeting, and works without a brand kit", async () => {
    const user = await createUser();
    const proposal = await recommendAudience(user.id, "retargeting");
    expect(proposal.audience).toMatchObject({ countries: [], advantageAudience: false, customAudienceIds: [] });
    expect(proposal.audience.interests).toBeUndefined();
    expect(proposal.reasoning.length).toBeGreaterThan(20);
  });
});
