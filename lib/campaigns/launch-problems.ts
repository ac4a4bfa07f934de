import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaigns, creativeAssets } from "@/db/schema";
import { budgetProblems } from "./budget-rules";
import type { WizardStep } from "./drafts";
import { formatProblems } from "./placements";
import { preflightChecks, type PreflightRequirement } from "./preflight";
import { adInputSchema, audienceStepSchema } from "./validation";

/** Something that stops the launch, with the wizard step where it is fixed. */
export type LaunchProblem = { step: WizardStep; message: string; fix: string | null };

const AUDIENCE_REQUIREMENTS: ReadonlyArray<PreflightRequirement> = ["custom_audience", "audiences"];

/**
 * Everything that would make the launch fail, checked the way the wizard's
 * steps check it and then against Meta: every step filled in, each ad's
 * creative the user's own and its words within Meta's limits, creatives that
 * fit the chosen placements, the budget rules as of now, and the purpose's
 * prerequisites on the ad account. Empty means ready; null means the campaign
 * is not the user's.
 */
export async function launchProblems(userId: string, campaignId: string, now = new Date()): Promise<LaunchProblem[] | null> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)));
  if (!campaign) return null;
  const problems: LaunchProblem[] = [];
  const add = (step: WizardStep, message: string, fix: string | null = null) => problems.push({ step, message, fix });

  if (campaign.launchState === "launching" || campaign.launchState === "launched") {
    add("review", campaign.launchState === "launching" ? "This campaign is being launched right now." : "This campaign is on Meta already.");
    return problems;
  }

  // Left join: an ad whose creative is gone or is someone else's must show up as a problem, not vanish.
  const ads = await db
    .select({ ad: campaignAds, asset: { userId: creativeAssets.userId, format: creativeAssets.format } })
    .from(campaignAds)
    .leftJoin(creativeAssets, eq(creativeAssets.id, campaignAds.assetId))
    .where(eq(campaignAds.campaignId, campaign.id))
    .orderBy(asc(campaignAds.position), asc(campaignAds.id));

  if (!campaign.metaAccountId || !campaign.adAccountId) add("purpose", "Choose the ad account to run this campaign on.");

  const audience = campaign.audience;
  // The purpose may have changed since the audience was saved (retargeting needs custom audiences).
  const audienceCheck = audience ? audienceStepSchema(campaign.purpose).safeParse(audience) : null;
  if (!audienceCheck) add("audience", "Choose who should see the ads.");
  else if (!audienceCheck.success) for (const issue of audienceCheck.error.issues) add("audience", issue.message);

  const budget = campaign.draft.budget;
  if (!budget) {
    add("budget", "Set a budget and schedule.");
  } else {
    const plan = {
      kind: budget.kind,
      amount: budget.amount,
      currency: campaign.currency,
      startTime: budget.startTime ? new Date(budget.startTime) : undefined,
      endTime: budget.endTime ? new Date(budget.endTime) : undefined,
    };
    for (const problem of budgetProblems(plan, now)) add("budget", problem.message);
  }

  if (ads.length === 0) add("creatives", "Add at least one ad.");
  ads.forEach(({ ad, asset }, index) => {
    const label = ads.length > 1 ? `Ad ${index + 1}: ` : "";
    if (!asset || asset.userId !== userId) {
      add("creatives", `${label}its creative isn't in your library any more.`, "Choose another creative for it.");
      return;
    }
    const words = adInputSchema.safeParse(ad);
    if (!words.success) add("creatives", `${label}${words.error.issues[0]!.message}`);
    if (campaign.purpose === "app_installs" && campaign.promoted.objectStoreUrl && ad.link !== campaign.promoted.objectStoreUrl) {
      add("creatives", `${label}app install ads link to your app's store page.`, `Set the link to ${campaign.promoted.objectStoreUrl}.`);
    }
  });
  if (audience) {
    const owned = ads.flatMap(({ asset }) => (asset && asset.userId === userId ? [asset] : []));
    if (owned.length > 0) for (const problem of formatProblems(audience.placements, owned)) add("creatives", problem.message);
  }

  if (!campaign.draft.launchAs) add("review", "Choose whether the ads start right away or paused.");

  if (campaign.adAccountId) {
    const preflight = await preflightChecks(userId, {
      metaAccountId: campaign.metaAccountId,
      adAccountId: campaign.adAccountId,
      purpose: campaign.purpose,
      promoted: campaign.promoted,
      // Chosen audiences go to Meta once the audience step accepts them; until then its own message says what to fix.
      customAudienceIds: audienceCheck?.success ? audience?.customAudienceIds : undefined,
      excludedAudienceIds: audienceCheck?.success ? audience?.excludedAudienceIds : undefined,
    });
    if (!preflight.found) {
      add("purpose", "This campaign's ad account is no longer connected.", "Switch it on in Settings, or choose another ad account.");
    } else {
      for (const check of preflight.checks) {
        if (!check.ok) add(AUDIENCE_REQUIREMENTS.includes(check.requirement) ? "audience" : "purpose", check.message, check.fix);
      }
    }
  }
  return problems;
}
