import "server-only";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaignAds, campaigns, metaAccounts, type Campaign, type JobRun } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { startJobIn, type PendingStart } from "@/lib/jobs/start-job";
import { campaignBudget } from "./budget";
import { campaignLaunch } from "./launch-job";

export type LaunchRefusal = "already_launching" | "already_launched" | "not_started" | "incomplete";

export type LaunchStart = { ok: true; run: JobRun } | { ok: false; error: LaunchRefusal; message: string };

const REFUSALS: Record<LaunchRefusal, string> = {
  already_launching: "This campaign is already being launched.",
  already_launched: "This campaign is already on Meta.",
  not_started: "This campaign has not been launched yet.",
  incomplete: "This campaign is missing an ad account, audience, budget or ads. Finish the campaign builder first.",
};

const refuse = (error: LaunchRefusal): LaunchStart => ({ ok: false, error, message: REFUSALS[error] });

function missingInput(campaign: Campaign, ads: number): boolean {
  return !campaign.metaAccountId || !campaign.adAccountId || !campaign.audience || !campaignBudget(campaign) || ads === 0;
}

/**
 * Starts a launch run for the user's campaign, in one transaction with the
 * campaign's move to `launching`. The idempotency key names the attempt (the
 * run it follows), so a double submit cannot start two runs.
 */
async function beginLaunch(userId: string, campaignId: string, mode: "start" | "resume"): Promise<LaunchStart | null> {
  const outcome = await db.transaction(async (tx): Promise<{ result: LaunchStart; pending?: PendingStart } | null> => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)))
      .for("update");
    if (!campaign) return null;
    if (campaign.launchState === "launching") return { result: refuse("already_launching") };
    if (campaign.launchState === "launched") return { result: refuse("already_launched") };
    if (mode === "resume" && campaign.launchState !== "failed") return { result: refuse("not_started") };
    const [{ ads } = { ads: 0 }] = await tx.select({ ads: count() }).from(campaignAds).where(eq(campaignAds.campaignId, campaign.id));
    const [connection] = campaign.metaAccountId
      ? await tx
          .select({ id: metaAccounts.id })
          .from(metaAccounts)
          .where(and(eq(metaAccounts.id, campaign.metaAccountId), eq(metaAccounts.userId, userId)))
      : [];
    if (!connection || missingInput(campaign, ads)) return { result: refuse("incomplete") };

    const pending = await startJobIn(tx, campaignLaunch, { campaignId: campaign.id }, { idempotencyKey: `${campaign.id}:after:${campaign.launchRunId ?? "none"}`, userId });
    await tx.update(campaigns).set({ launchState: "launching", launchRunId: pending.run.id, launchError: null }).where(eq(campaigns.id, campaign.id));
    await recordAudit(tx, {
      userId,
      action: mode === "start" ? "campaign.launch_start" : "campaign.launch_resume",
      entityType: "campaign",
      entityId: campaign.id,
      before: { launchState: campaign.launchState, launchError: campaign.launchError },
      after: { launchState: "launching", runId: pending.run.id },
    });
    return { result: { ok: true, run: pending.run }, pending };
  });
  if (!outcome) return null;
  await outcome.pending?.publish();
  return outcome.result;
}

/** The wizard's "Launch": null when the campaign is not the user's. */
export function startLaunch(userId: string, campaignId: string): Promise<LaunchStart | null> {
  return beginLaunch(userId, campaignId, "start");
}

/**
 * "Try again" after a failed launch, once the user fixed what Meta refused: a
 * new run that reuses every Meta object already recorded or found by the marker.
 */
export function resumeLaunch(userId: string, campaignId: string): Promise<LaunchStart | null> {
  return beginLaunch(userId, campaignId, "resume");
}
