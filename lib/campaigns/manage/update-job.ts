import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { budgetChanges, campaignAds, campaigns, type Campaign, type CampaignStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { defineJob } from "@/lib/jobs/define-job";
import { PermanentJobError } from "@/lib/jobs/errors";
import { MetaApiError } from "@/lib/meta/errors";
import type { GraphApi } from "@/lib/meta/graph-api";
import { withMetaConnection } from "@/lib/meta/with-connection";
import { toDecimalString } from "@/lib/money";
import { budgetField, campaignBudget } from "../launch/budget";
import { readObject, readObjects, updateObject } from "../launch/graph";
import { budgetLimitMessage, budgetWindow } from "./budget-window";
import { campaignChange, type CampaignChange } from "./change";

/** Who asked: the marketer, or the budget optimizer (on their click or on autopilot); kept with each budget change. */
export const CHANGE_SOURCES = ["user", "optimizer"] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const updatePayload = z.object({ campaignId: z.uuid(), change: campaignChange, source: z.enum(CHANGE_SOURCES).default("user") });

type Launched = Campaign & { metaAccountId: string; adAccountId: string; metaCampaignId: string };

async function launchedCampaign(campaignId: string): Promise<Launched> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new PermanentJobError("This campaign no longer exists.");
  const { metaAccountId, adAccountId, metaCampaignId } = campaign;
  if (!metaAccountId || !adAccountId || !metaCampaignId) throw new PermanentJobError("This campaign is not on Meta yet.");
  return { ...campaign, metaAccountId, adAccountId, metaCampaignId };
}

function onMeta<T>(campaign: Launched, work: (api: GraphApi) => Promise<T>): Promise<T> {
  return withMetaConnection(campaign.metaAccountId, { adAccountId: campaign.adAccountId }, (api) => work(api));
}

/** Where the budget lives on Meta: the campaign (Advantage campaign budget) or its ad set. */
function budgetHolder(campaign: Launched): { id: string; kind: "daily" | "lifetime" } {
  const budget = campaignBudget(campaign);
  const kind = budget?.kind ?? campaign.draft.budget?.kind ?? "daily";
  if ((budget?.level ?? "campaign") === "campaign") return { id: campaign.metaCampaignId, kind };
  if (!campaign.metaAdSetId) throw new PermanentJobError("This campaign's ad set is not on Meta, so its budget cannot be changed.");
  return { id: campaign.metaAdSetId, kind };
}

/** Resuming a campaign launched paused also switches on its ad set and ads, which were made paused. */
async function activateChildren(api: GraphApi, campaign: Launched): Promise<void> {
  const ads = await db.select({ metaAdId: campaignAds.metaAdId }).from(campaignAds).where(eq(campaignAds.campaignId, campaign.id));
  const ids = [...ads.map((ad) => ad.metaAdId), campaign.metaAdSetId].filter((id): id is string => Boolean(id));
  const current = await readObjects(api, ids, ["status"]);
  for (const id of ids) {
    if (current[id]?.status === "PAUSED") await updateObject(api, id, { status: "ACTIVE" });
  }
}

type Applied = { fromBudget: number | null };

async function applyChange(campaign: Launched, change: CampaignChange): Promise<Applied> {
  const fromBudget = campaignBudget(campaign)?.amount ?? null;
  if (change.kind === "budget") {
    // Checked again here: the optimizer starts this job without going through requestCampaignChange.
    const window = await budgetWindow(db, campaign.id, { includeInFlight: false });
    if (!window.allowed) throw new PermanentJobError(window.message);
    const holder = budgetHolder(campaign);
    await onMeta(campaign, async (api) => {
      try {
        await updateObject(api, holder.id, { [budgetField(holder.kind)]: change.amount });
      } catch (error) {
        // Meta's own count of budget changes says no: waiting an hour in the background would surprise the user.
        if (error instanceof MetaApiError && error.details.code === 613 && error.details.subcode === 1487632) {
          throw new PermanentJobError(error.details.userMessage ?? budgetLimitMessage(new Date(Date.now() + 3_600_000)));
        }
        throw error;
      }
    });
    return { fromBudget };
  }
  const status = { pause: "PAUSED", resume: "ACTIVE", archive: "ARCHIVED" }[change.kind];
  await onMeta(campaign, async (api) => {
    await updateObject(api, campaign.metaCampaignId, { status });
    if (change.kind === "resume") await activateChildren(api, campaign);
  });
  return { fromBudget };
}

const OUR_STATUS: Record<string, CampaignStatus> = { ACTIVE: "active", PAUSED: "paused", ARCHIVED: "archived", DELETED: "archived" };

/** Meta's state after the change, as it reports it, stored on our row with the audit entry (and the budget change). */
async function recordChange(campaign: Launched, change: CampaignChange, applied: Applied, source: ChangeSource) {
  const budget = campaignBudget(campaign);
  const kind = budget?.kind ?? "daily";
  // Where the budget lives; an ad-set budget whose ad set we never recorded is simply not re-read.
  const holderId = (budget?.level ?? "campaign") === "campaign" ? campaign.metaCampaignId : campaign.metaAdSetId;
  const read = await onMeta(campaign, async (api) => {
    const metaCampaign = await readObject(api, campaign.metaCampaignId, ["status", "effective_status", "daily_budget", "lifetime_budget"]);
    const holder = holderId && holderId !== campaign.metaCampaignId ? await readObject(api, holderId, ["daily_budget", "lifetime_budget"]) : holderId ? metaCampaign : null;
    return { metaCampaign, holder };
  });
  const status = OUR_STATUS[read.metaCampaign.status ?? ""] ?? campaign.status;
  const metaStatus = read.metaCampaign.effective_status ?? read.metaCampaign.status ?? null;
  const reported = read.holder?.[budgetField(kind)];
  const metaBudget = reported === undefined ? null : Number(reported);

  const values: Partial<typeof campaigns.$inferInsert> = { status, metaStatus };
  if (metaBudget !== null) {
    values[kind === "daily" ? "dailyBudget" : "totalBudget"] = toDecimalString(metaBudget, campaign.currency);
    if (campaign.draft.budget) values.draft = { ...campaign.draft, budget: { ...campaign.draft.budget, amount: metaBudget } };
  }
  const isBudget = change.kind === "budget";
  await db.transaction(async (tx) => {
    await tx.update(campaigns).set(values).where(eq(campaigns.id, campaign.id));
    if (isBudget && metaBudget !== null) {
      await tx.insert(budgetChanges).values({ campaignId: campaign.id, userId: campaign.userId, fromAmount: applied.fromBudget, toAmount: metaBudget, source });
    }
    await recordAudit(tx, {
      userId: campaign.userId,
      action: source === "optimizer" ? `optimizer.${change.kind}` : `campaign.${change.kind}`,
      entityType: "campaign",
      entityId: campaign.id,
      before: { status: campaign.status, metaStatus: campaign.metaStatus, budget: applied.fromBudget },
      after: { status, metaStatus, budget: metaBudget, ...(isBudget ? { requested: change.amount } : {}) },
    });
  });
  return { status, metaStatus, budget: metaBudget };
}

const DOING: Record<CampaignChange["kind"], string> = {
  pause: "Pausing the campaign on Meta",
  resume: "Switching the campaign back on",
  budget: "Changing the budget on Meta",
  archive: "Archiving the campaign on Meta",
};

/**
 * One change to a launched campaign: made on Meta, then read back, so our row
 * shows what Meta actually did (a resumed campaign whose ad set is still in
 * review, a budget Meta rounded).
 */
export const campaignUpdate = defineJob({
  name: "campaign.update",
  schema: updatePayload,
  async run({ payload, step, progress }) {
    const campaign = await launchedCampaign(payload.campaignId);
    await progress(10, DOING[payload.change.kind]);
    const applied = await step("apply", () => applyChange(campaign, payload.change));
    await progress(60, "Checking the campaign on Meta");
    const result = await step("record", () => recordChange(campaign, payload.change, applied, payload.source));
    await progress(100, "Done");
    return result;
  },
});
