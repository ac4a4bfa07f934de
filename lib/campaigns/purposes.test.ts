import { describe, expect, it } from "vitest";
import { campaignPurpose } from "@/db/schema";
import { GOALS_BY_OBJECTIVE, PROMOTED_OBJECT_REQUIREMENTS } from "@/emulators/meta-graph/validation";
import { SANDBOX } from "@/emulators/meta-graph";
import { metaSpecFor } from "./launch/meta-spec";
import { PURPOSES } from "./purposes";
import { purposeStepSchema } from "./validation";

const { sam, app } = SANDBOX;

/** The promoted fields a marketer fills in for each purpose, parsed the way the wizard saves them. */
function savedPromoted(purpose: (typeof campaignPurpose.enumValues)[number]) {
  return purposeStepSchema.parse({
    name: "Test",
    purpose,
    adAccountId: `act_${sam.adAccountId}`,
    pageId: sam.pageId,
    pixelId: sam.pixelId,
    applicationId: app.applicationId,
    objectStoreUrl: app.objectStoreUrl,
    eventId: "123456789",
  }).promoted;
}

describe("purposes", () => {
  it("covers every campaign purpose with a goal Meta accepts under its objective", () => {
    expect(Object.keys(PURPOSES).sort()).toEqual([...campaignPurpose.enumValues].sort());
    for (const spec of Object.values(PURPOSES)) {
      expect(GOALS_BY_OBJECTIVE[spec.objective]).toContain(spec.optimizationGoal);
      expect(spec.requires).toContain("page");
      expect(spec.label.length).toBeLessThan(30);
      expect(spec.benchmark.cpmUsd.low).toBeLessThan(spec.benchmark.cpmUsd.high);
      expect(spec.benchmark.ctr.high).toBeLessThan(0.05);
      // A result to count and rates to estimate it go together.
      expect(spec.conversionActionType === null).toBe(spec.benchmark.conversionRate === null);
    }
  });

  it("agrees with the launch's Meta spec for what the purpose step saves", () => {
    for (const purpose of campaignPurpose.enumValues) {
      const spec = PURPOSES[purpose];
      const launch = metaSpecFor(purpose, savedPromoted(purpose));
      expect({ purpose, objective: launch.objective, goal: launch.optimizationGoal, destination: launch.destinationType ?? null }).toEqual({
        purpose,
        objective: spec.objective,
        goal: spec.optimizationGoal,
        destination: spec.destinationType,
      });
      // What Meta needs in promoted_object for that goal is there.
      for (const field of PROMOTED_OBJECT_REQUIREMENTS[spec.optimizationGoal] ?? []) expect(launch.promotedObject ?? {}).toHaveProperty(field);
    }
  });
});
