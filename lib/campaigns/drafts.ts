import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { campaignAds, campaignAssets, campaigns, creativeAssets, type Campaign, type CampaignAd, type CampaignDraft, type CreativeAsset } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { withMetaConnection } from "@/lib/meta/with-connection";
import { toDecimalString } from "@/lib/money";
import { findOwnedAdAccount } from "./ad-account-access";
import { listCustomAudiences } from "./meta-account-setup";
import { describeMetaFailure } from "./meta-failure";
import type { AudienceStepInput, BudgetStepInput, CreativesStepInput, LaunchStepInput, NewDraftInput, PurposeStepInput } from "./validation";

export type WizardStep = CampaignDraft["step"];
export const WIZARD_STEPS: readonly WizardStep[] = ["purpose", "audience", "budget", "creatives", "review"];

/** What each step's save takes: the output of that step's schema in ./validation. */
export type StepInputs = {
  purpose: PurposeStepInput;
  audience: AudienceStepInput;
  budget: BudgetStepInput;
  creatives: CreativesStepInput;
  review: LaunchStepInput;
};

export type SaveStepResult =
  | { ok: true; draft: CampaignDraft }
  | { ok: false; error: "not_found" | "not_editable" | "invalid" | "meta_unavailable"; message: string; field?: string };

export type DraftAd = CampaignAd & { asset: CreativeAsset };
export type DraftView = { campaign: Campaign; ads: DraftAd[] };

const EDITABLE: ReadonlyArray<Campaign["launchState"]> = ["not_launched", "failed"];

const notFound = (): SaveStepResult => ({ ok: false, error: "not_found", message: "That campaign was not found." });
const invalid = (field: string, message: string): SaveStepResult => ({ ok: false, error: "invalid", field, message });

/** The step to show next: after the one just saved, but never back before where the user already got to. */
function advance(current: WizardStep, saved: WizardStep): WizardStep {
  const next = Math.min(WIZARD_STEPS.indexOf(saved) + 1, WIZARD_STEPS.length - 1);
  return WIZARD_STEPS[Math.max(WIZARD_STEPS.indexOf(current), next)]!;
}

/** Starts a campaign on one of the user's managed ad accounts, in that account's currency. Null when the account is not theirs. */
export async function createDraft(userId: string, input: NewDraftInput): Promise<{ campaignId: string } | null> {
  return db.transaction(async (tx) => {
    const adAccount = await findOwnedAdAccount(userId, input, tx);
    if (!adAccount) return null;
    const [row] = await tx
      .insert(campaigns)
      .values({
        userId,
        name: input.name,
        purpose: input.purpose,
        metaAccountId: adAccount.metaAccountId,
        adAccountId: adAccount.adAccountId,
        currency: adAccount.currency,
        status: "draft",
        draft: { step: "purpose" },
      })
      .returning({ id: campaigns.id });
    await recordAudit(tx, { userId, action: "campaign.draft_create", entityType: "campaign", entityId: row!.id, after: { purpose: input.purpose, adAccountId: adAccount.adAccountId } });
    return { campaignId: row!.id };
  });
}

/** The campaign, its ads in order and each ad's creative; null when it is not the user's. */
export async function getDraft(userId: string, campaignId: string): Promise<DraftView | null> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)));
  if (!campaign) return null;
  const rows = await db
    .select({ ad: campaignAds, asset: creativeAssets })
    .from(campaignAds)
    .innerJoin(creativeAssets, eq(creativeAssets.id, campaignAds.assetId))
    .where(and(eq(campaignAds.campaignId, campaignId), eq(campaignAds.userId, userId), eq(creativeAssets.userId, userId)))
    .orderBy(asc(campaignAds.position), asc(campaignAds.id));
  return { campaign, ads: rows.map((row) => ({ ...row.ad, asset: row.asset })) };
}

type Locked = { campaign: Campaign } | { refusal: SaveStepResult };

/** The user's campaign, locked for this transaction, if it can still be edited. */
async function lockEditable(tx: Transaction, userId: string, campaignId: string): Promise<Locked> {
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)))
    .for("update");
  if (!campaign) return { refusal: notFound() };
  if (!EDITABLE.includes(campaign.launchState)) {
    return { refusal: { ok: false, error: "not_editable", message: "This campaign is on Meta already; change it from its campaign page." } };
  }
  return { campaign };
}

async function savePurpose(tx: Transaction, userId: string, campaign: Campaign, input: PurposeStepInput): Promise<SaveStepResult> {
  const adAccount = await findOwnedAdAccount(userId, input, tx);
  if (!adAccount) return invalid("adAccountId", "Choose one of your connected ad accounts.");
  const accountChanged = adAccount.adAccountId !== campaign.adAccountId;
  const draft: CampaignDraft = { ...campaign.draft, step: advance(campaign.draft.step, "purpose") };
  // Budgets are in the account's currency and audiences belong to the account: a new account starts them over.
  if (accountChanged) delete draft.budget;
  const audience = accountChanged && campaign.audience ? { ...campaign.audience, customAudienceIds: [], excludedAudienceIds: [] } : campaign.audience;
  await tx
    .update(campaigns)
    .set({
      name: input.name,
      purpose: input.purpose,
      metaAccountId: adAccount.metaAccountId,
      adAccountId: adAccount.adAccountId,
      currency: adAccount.currency,
      promoted: input.promoted,
      audience,
      draft,
      ...(accountChanged ? { dailyBudget: null, totalBudget: null } : {}),
    })
    .where(eq(campaigns.id, campaign.id));
  return { ok: true, draft };
}

async function saveAudience(tx: Transaction, campaign: Campaign, input: AudienceStepInput, checkedAccount: string | null): Promise<SaveStepResult> {
  const usesAudiences = input.customAudienceIds.length + input.excludedAudienceIds.length > 0;
  // The audiences were checked against the account before the lock; a purpose save in between changes that.
  if (usesAudiences && checkedAccount !== campaign.adAccountId) return invalid("customAudienceIds", "The ad account changed meanwhile; choose the audiences again.");
  const draft: CampaignDraft = { ...campaign.draft, audience: input, step: advance(campaign.draft.step, "audience") };
  await tx.update(campaigns).set({ audience: input, draft }).where(eq(campaigns.id, campaign.id));
  return { ok: true, draft };
}

async function saveBudget(tx: Transaction, campaign: Campaign, input: BudgetStepInput): Promise<SaveStepResult> {
  if (input.currency !== campaign.currency) return invalid("amount", `This campaign's ad account bills in ${campaign.currency}; enter the budget again.`);
  const budget = { kind: input.kind, amount: input.amount, level: input.level, startTime: input.startTime, endTime: input.endTime };
  const draft: CampaignDraft = { ...campaign.draft, budget, step: advance(campaign.draft.step, "budget") };
  const decimal = toDecimalString(input.amount, campaign.currency);
  await tx
    .update(campaigns)
    .set({
      draft,
      dailyBudget: input.kind === "daily" ? decimal : null,
      totalBudget: input.kind === "lifetime" ? decimal : null,
      startTime: input.startTime ? new Date(input.startTime) : null,
      endTime: input.endTime ? new Date(input.endTime) : null,
    })
    .where(eq(campaigns.id, campaign.id));
  return { ok: true, draft };
}

/** Replaces the campaign's ads (and the asset links the library checks before deleting) with the ones given. */
async function saveCreatives(tx: Transaction, userId: string, campaign: Campaign, input: CreativesStepInput): Promise<SaveStepResult> {
  const assetIds = [...new Set(input.ads.map((ad) => ad.assetId))];
  // Shared locks: a concurrent library delete waits for this save instead of racing it.
  const owned = await tx
    .select({ id: creativeAssets.id })
    .from(creativeAssets)
    .where(and(eq(creativeAssets.userId, userId), inArray(creativeAssets.id, assetIds)))
    .for("share");
  if (owned.length !== assetIds.length) return invalid("ads", "A creative you chose isn't in your library any more; choose another.");

  await tx.delete(campaignAds).where(eq(campaignAds.campaignId, campaign.id));
  await tx.insert(campaignAds).values(
    input.ads.map((ad, position) => ({
      campaignId: campaign.id,
      userId,
      assetId: ad.assetId,
      position,
      primaryText: ad.primaryText,
      headline: ad.headline,
      description: ad.description,
      callToAction: ad.callToAction,
      link: ad.link,
    })),
  );
  await tx.delete(campaignAssets).where(eq(campaignAssets.campaignId, campaign.id));
  await tx.insert(campaignAssets).values(assetIds.map((assetId) => ({ campaignId: campaign.id, assetId })));
  const draft: CampaignDraft = { ...campaign.draft, step: advance(campaign.draft.step, "creatives") };
  await tx.update(campaigns).set({ draft }).where(eq(campaigns.id, campaign.id));
  return { ok: true, draft };
}

async function saveReview(tx: Transaction, campaign: Campaign, input: LaunchStepInput): Promise<SaveStepResult> {
  const draft: CampaignDraft = { ...campaign.draft, launchAs: input.launchAs, step: advance(campaign.draft.step, "review") };
  await tx.update(campaigns).set({ draft }).where(eq(campaigns.id, campaign.id));
  return { ok: true, draft };
}

/**
 * Custom audience ids are Meta's, so "belongs to the user" means "is on this
 * campaign's ad account, read through the user's connection". Returns the
 * account checked, or the refusal.
 */
async function checkAudienceIds(userId: string, campaignId: string, input: AudienceStepInput): Promise<{ account: string | null } | { refusal: SaveStepResult }> {
  const ids = [...input.customAudienceIds, ...input.excludedAudienceIds];
  if (ids.length === 0) return { account: null };
  const [campaign] = await db
    .select({ adAccountId: campaigns.adAccountId, metaAccountId: campaigns.metaAccountId })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.userId, userId)));
  if (!campaign) return { refusal: notFound() };
  const adAccount = campaign.adAccountId ? await findOwnedAdAccount(userId, { adAccountId: campaign.adAccountId, metaAccountId: campaign.metaAccountId }) : null;
  if (!adAccount) return { refusal: invalid("customAudienceIds", "This campaign's ad account is no longer connected; choose another in the first step.") };
  try {
    const audiences = await withMetaConnection(adAccount.metaAccountId, { adAccountId: adAccount.adAccountId }, (api) => listCustomAudiences(api, adAccount.adAccountId));
    const known = new Set(audiences.map((audience) => audience.id));
    if (ids.some((id) => !known.has(id))) return { refusal: invalid("customAudienceIds", "Choose audiences from this ad account's list.") };
    return { account: adAccount.adAccountId };
  } catch (error) {
    const failure = describeMetaFailure(error);
    if (!failure) throw error;
    return { refusal: { ok: false, error: "meta_unavailable", message: `${failure.message} ${failure.fix}` } };
  }
}

/**
 * Saves one wizard step of the user's draft and moves the wizard on. Every id is
 * checked against the user: the campaign, the ad account, each creative, each
 * audience (on Meta). Launched or launching campaigns are not edited here.
 */
export async function saveStep<S extends WizardStep>(userId: string, campaignId: string, step: S, input: StepInputs[S]): Promise<SaveStepResult> {
  let checkedAccount: string | null = null;
  if (step === "audience") {
    const checked = await checkAudienceIds(userId, campaignId, input as AudienceStepInput);
    if ("refusal" in checked) return checked.refusal;
    checkedAccount = checked.account;
  }
  return db.transaction(async (tx) => {
    const locked = await lockEditable(tx, userId, campaignId);
    if ("refusal" in locked) return locked.refusal;
    const { campaign } = locked;
    switch (step) {
      case "purpose":
        return savePurpose(tx, userId, campaign, input as PurposeStepInput);
      case "audience":
        return saveAudience(tx, campaign, input as AudienceStepInput, checkedAccount);
      case "budget":
        return saveBudget(tx, campaign, input as BudgetStepInput);
      case "creatives":
        return saveCreatives(tx, userId, campaign, input as CreativesStepInput);
      default:
        return saveReview(tx, campaign, input as LaunchStepInput);
    }
  });
}
