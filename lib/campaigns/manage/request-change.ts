import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { campaigns, type JobRun } from "@/db/schema";
import { startJobIn, type PendingStart } from "@/lib/jobs/start-job";
import { campaignBudget } from "../launch/budget";
import { budgetWindow } from "./budget-window";
import { campaignChange } from "./change";
import { campaignUpdate, type ChangeSource } from "./update-job";

export type ChangeRefusal = "invalid" | "not_launched" | "archived" | "same_budget" | "budget_limit";

export type ChangeRequest = { ok: true; run: JobRun } | { ok: false; error: ChangeRefusal; message: string; nextChangeAt?: Date };

const refuse = (error: ChangeRefusal, message: string, nextChangeAt?: Date): ChangeRequest => ({ ok: false, error, message, ...(nextChangeAt ? { nextChangeAt } : {}) });

/**
 * Pause, resume, archive or re-budget the user's launched campaign: checks
 * ownership (null when the campaign is not theirs), validates the change, and
 * starts the `campaign.update` job. A fifth budget change within the hour is
 * refused here with the time the next one is possible, without calling Meta.
 */
export async function requestCampaignChange(userId: string, campaignId: string, input: unknown, options: { source?: ChangeSource } = {}): Promise<ChangeRequest | null> {
  const parsed = campaignChange.safeParse(input);
  const outcome = await db.transaction(async (tx): Promise<{ result: ChangeRequest; pending?: PendingStart } | null> => {
    // Locked, so two budget requests at once cannot both see room under Meta's limit.
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)))
      .for("update");
    if (!campaign) return null;
    if (!parsed.success) return { result: refuse("invalid", parsed.error.issues[0]?.message ?? "That change is not valid.") };
    const change = parsed.data;
    if (!campaign.metaCampaignId || campaign.launchState !== "launched") return { result: refuse("not_launched", "Launch this campaign before changing it on Meta.") };
    if (campaign.status === "archived") return { result: refuse("archived", "This campaign is archived; archived campaigns cannot be changed.") };
    if (change.kind === "budget") {
      if (campaignBudget(campaign)?.amount === change.amount) return { result: refuse("same_budget", "The budget is already set to that amount.") };
      const window = await budgetWindow(tx, campaign.id, { includeInFlight: true });
      if (!window.allowed) return { result: refuse("budget_limit", window.message, window.nextChangeAt) };
    }
    const pending = await startJobIn(tx, campaignUpdate, { campaignId: campaign.id, change, source: options.source ?? "user" }, { userId });
    return { result: { ok: true, run: pending.run }, pending };
  });
  if (!outcome) return null;
  await outcome.pending?.publish();
  return outcome.result;
}
