"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { isAiError } from "@/lib/ai/errors";
import { getSessionUser } from "@/lib/auth/session";
import { createDraft, getDraft, saveStep, WIZARD_STEPS, type WizardStep } from "@/lib/campaigns/drafts";
import { stepFieldErrors } from "@/lib/campaigns/form-fields";
import { resumeLaunch, startLaunch } from "@/lib/campaigns/launch";
import { generateForCampaign } from "@/lib/campaigns/generate-for-campaign";
import { launchProblems } from "@/lib/campaigns/launch-problems";
import { CAMPAIGN_RATE_LIMITS } from "@/lib/campaigns/rate-limits";
import { getCampaign } from "@/lib/campaigns/list";
import { duplicateCampaign, requestCampaignChange } from "@/lib/campaigns/manage";
import { QuotaExceeded } from "@/lib/creatives/quota";
import { recommendAudience, type AudienceProposal } from "@/lib/campaigns/recommend";
import { audienceStepSchema, budgetStepSchema, creativesStepSchema, launchStepSchema, newDraftSchema, purposeStepSchema } from "@/lib/campaigns/validation";
import { formObject } from "@/lib/forms/form-object";
import { formIssueMessage } from "@/lib/forms/issue-message";
import { formText } from "@/lib/forms/form-text";
import { fromDecimalString } from "@/lib/money";
import { UNREADABLE_FORM_MESSAGE, unreadableFormState, waitMessage, type FormState } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";
import { limitUser } from "@/lib/auth/user-rate-limit";
import type { Campaign } from "@/db/schema";

const SIGNED_OUT: FormState = { status: "error", message: "Your session has ended. Sign in again to continue." };
const campaignId = z.uuid();

/** Lists arrive as repeated fields; strings go back into the form as they were typed. */
function echo(values: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]));
}

export async function createCampaignAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const values = formObject(formData, ["name", "purpose", "account"]);
  const [adAccountId, metaAccountId] = String(values.account ?? "").split("|");
  const parsed = newDraftSchema.safeParse({ ...values, adAccountId, metaAccountId }, { error: formIssueMessage });
  if (!parsed.success) {
    const errors = stepFieldErrors(parsed.error);
    // The form shows both ids under its one "account" select.
    const account = errors.adAccountId ?? errors.metaAccountId;
    return { status: "error", fieldErrors: { ...errors, ...(account ? { account } : {}) }, values: echo(values) };
  }
  const created = await createDraft(user.id, parsed.data);
  if (!created) return { status: "error", fieldErrors: { account: "Choose one of your connected ad accounts." }, values: echo(values) };
  redirect(`/campaigns/${created.campaignId}/edit/purpose`);
}

function schemaFor(step: WizardStep, campaign: { purpose: Parameters<typeof audienceStepSchema>[0]; currency: string }) {
  switch (step) {
    case "purpose":
      return purposeStepSchema;
    case "audience":
      return audienceStepSchema(campaign.purpose);
    case "budget":
      return budgetStepSchema(campaign.currency);
    case "creatives":
      return creativesStepSchema;
    case "review":
      return launchStepSchema;
  }
}

/**
 * Saves one wizard step (the form names its campaign and step in hidden fields),
 * then moves to the next; the review step also starts the launch.
 */
export async function saveStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const id = campaignId.safeParse(formData.get("campaignId"));
  const step = z.enum(WIZARD_STEPS as [WizardStep, ...WizardStep[]]).safeParse(formData.get("step"));
  const draft = id.success ? await getDraft(user.id, id.data) : null;
  if (!draft || !step.success) return { status: "error", message: "That campaign was not found." };

  const values = formObject(formData);
  // The purpose step's account select carries both ids as "act_…|<connection id>".
  const input = step.data === "purpose" ? { ...values, adAccountId: String(values.account ?? "").split("|")[0], metaAccountId: String(values.account ?? "").split("|")[1] } : values;
  const parsed = schemaFor(step.data, draft.campaign).safeParse(input, { error: formIssueMessage });
  if (!parsed.success) return { status: "error", message: "Some fields need a look.", fieldErrors: stepFieldErrors(parsed.error), values: echo(values) };
  const locked = lockedByMeta(draft.campaign, step.data, parsed.data);
  if (locked) return { status: "error", message: locked, values: echo(values) };
  const saved = await saveStep(user.id, draft.campaign.id, step.data, parsed.data as never);
  if (!saved.ok) {
    return { status: "error", message: saved.message, fieldErrors: saved.field ? { [saved.field]: saved.message } : undefined, values: echo(values) };
  }

  if (step.data === "review") {
    // The review page disables Launch while problems remain; the server checks again (a stale tab, a start time that passed).
    const problems = ((await launchProblems(user.id, draft.campaign.id)) ?? []).filter((problem) => problem.step !== "review");
    if (problems.length > 0) return { status: "error", message: problems.map((problem) => problem.message).join(" "), values: echo(values) };
    const limited = await limitUser(CAMPAIGN_RATE_LIMITS.launchPerUser, user);
    if (!limited.success) return { status: "error", message: `That is a lot of launches for one hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.`, values: echo(values) };
    // After a failed launch the fixed draft resumes the same launch, reusing what Meta already has.
    const launch = draft.campaign.launchState === "failed" ? await resumeLaunch(user.id, draft.campaign.id) : await startLaunch(user.id, draft.campaign.id);
    if (!launch?.ok) return { status: "error", message: launch?.message ?? "That campaign was not found.", values: echo(values) };
    revalidatePath("/campaigns");
    redirect(`/campaigns/${draft.campaign.id}`);
  }
  revalidatePath(`/campaigns/${draft.campaign.id}`);
  redirect(`/campaigns/${draft.campaign.id}/edit/${saved.draft.step}`);
}

/**
 * After a launch that stopped part-way, what already exists on Meta is reused on
 * resume; changing what that object was created with would never reach Meta, so
 * it is refused with the way out (duplicate into a fresh draft).
 */
function lockedByMeta(campaign: Campaign, step: WizardStep, input: unknown): string | null {
  const duplicate = "Duplicate the campaign from its page to start over with that change.";
  if (step === "purpose" && campaign.metaCampaignId) {
    const next = input as { purpose: string; adAccountId: string };
    if (next.purpose !== campaign.purpose || next.adAccountId !== campaign.adAccountId) return `This campaign already exists on Meta, so its goal and ad account are fixed. ${duplicate}`;
  }
  if (step === "budget" && campaign.metaAdSetId) {
    const next = input as { kind: string; level: string };
    if (next.level !== campaign.draft.budget?.level || next.kind !== campaign.draft.budget?.kind) {
      return `This campaign's ad set already exists on Meta, so the budget type and where it is set are fixed. ${duplicate}`;
    }
  }
  return null;
}

export type RecommendState = { status: "idle" | "error"; message?: string; proposal?: AudienceProposal };

/** The AI's audience advice for this draft; shown next to the form, applied only if the user accepts. */
export async function recommendAudienceAction(_previous: RecommendState, formData: FormData): Promise<RecommendState> {
  const user = await getSessionUser();
  if (!user) return { status: "error", message: SIGNED_OUT.message };
  if (!isFormData(formData)) return { status: "error", message: UNREADABLE_FORM_MESSAGE };
  const id = campaignId.safeParse(formData.get("campaignId"));
  const draft = id.success ? await getDraft(user.id, id.data) : null;
  if (!draft) return { status: "error", message: "That campaign was not found." };
  const countries = String(formData.get("countries") ?? "")
    .split(",")
    .map((code) => code.trim().toUpperCase())
    .filter((code) => /^[A-Z]{2}$/.test(code));
  const description = String(formData.get("businessDescription") ?? "").slice(0, 1000);
  try {
    return { status: "idle", proposal: await recommendAudience(user.id, draft.campaign.purpose, description, { countries }) };
  } catch (error) {
    if (isAiError(error)) return { status: "error", message: error.message };
    throw error;
  }
}

async function campaignFrom(formData: FormData) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fcampaigns");
  // No form: back to the list, as for an unknown campaign id.
  if (!isFormData(formData)) backTo(null, "");
  const id = campaignId.safeParse(formData.get("campaignId"));
  return { user, id: id.success ? id.data : null };
}

function backTo(id: string | null, query: string): never {
  revalidatePath("/campaigns");
  redirect(id ? `/campaigns/${id}?${query}` : `/campaigns?missing=1`);
}

export async function resumeLaunchAction(formData: FormData): Promise<void> {
  const { user, id } = await campaignFrom(formData);
  const limited = await limitUser(CAMPAIGN_RATE_LIMITS.launchPerUser, user);
  if (!limited.success) backTo(id, `error=${encodeURIComponent(`That is a lot of launches for one hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.`)}`);
  const result = id ? await resumeLaunch(user.id, id) : null;
  if (!result) backTo(null, "");
  backTo(id, result.ok ? "resumed=1" : `error=${encodeURIComponent(result.message)}`);
}

/** Pause, resume, archive or a new budget: each one a job that calls Meta and records what Meta then reports. */
export async function changeCampaignAction(formData: FormData): Promise<void> {
  const { user, id } = await campaignFrom(formData);
  const limited = await limitUser(CAMPAIGN_RATE_LIMITS.changePerUser, user);
  if (!limited.success) backTo(id, `error=${encodeURIComponent(`That is a lot of changes for one hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.`)}`);
  const kind = formData.get("kind");
  let amount: number | undefined;
  if (kind === "budget") {
    const campaign = id ? await getCampaign(user.id, id) : null;
    if (!campaign) backTo(null, "");
    // Typed in the campaign's currency; the change job works in minor units.
    try {
      amount = fromDecimalString(String(formData.get("amount") ?? "").trim(), campaign.currency);
    } catch {
      backTo(id, `error=${encodeURIComponent("Enter the new budget as an amount, like 25 or 25.50.")}`);
    }
  }
  const change = kind === "budget" ? { kind, amount } : { kind };
  const result = id ? await requestCampaignChange(user.id, id, change) : null;
  if (!result) backTo(null, "");
  backTo(id, result.ok ? `change=${result.run.id}` : `error=${encodeURIComponent(result.message)}`);
}

export async function duplicateCampaignAction(formData: FormData): Promise<void> {
  const { user, id } = await campaignFrom(formData);
  const copy = id ? await duplicateCampaign(user.id, id) : null;
  if (!copy) backTo(null, "");
  revalidatePath("/campaigns");
  redirect(`/campaigns/${copy.id}/edit/purpose`);
}

export type GenerateForCampaignState = FormState & { runId?: string };

/** Starts the Creative Studio job for this campaign's placements; the step page refreshes when it is done. */
export async function generateForCampaignAction(_previous: GenerateForCampaignState, formData: FormData): Promise<GenerateForCampaignState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const id = campaignId.safeParse(formData.get("campaignId"));
  try {
    const started = id.success ? await generateForCampaign(user.id, id.data, formText(String(formData.get("prompt") ?? "")).slice(0, 1000)) : null;
    if (!started) return { status: "error", message: "That campaign was not found." };
    return { status: "idle", runId: started.runId };
  } catch (error) {
    if (error instanceof QuotaExceeded) return { status: "error", message: error.message };
    if (error instanceof z.ZodError) return { status: "error", message: error.issues[0]?.message ?? "That could not be started." };
    throw error;
  }
}
