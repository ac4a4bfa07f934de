"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { campaigns, OPTIMIZER_MODES } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { getSessionUser } from "@/lib/auth/session";
import { tierLimits } from "@/lib/auth/tiers";
import { UNREADABLE_FORM_MESSAGE, waitMessage } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";
import { startJob } from "@/lib/jobs/start-job";
import { limitUser } from "@/lib/auth/user-rate-limit";
import { applyRecommendation, dismissRecommendation, rollBackRecommendation } from "@/lib/optimizer/daily/apply";
import { optimizerUser } from "@/lib/optimizer/daily/jobs";
import { OPTIMIZER_RATE_LIMITS } from "@/lib/optimizer/daily/rate-limits";

/**
 * Pages that show recommendations; an action returns to the one it came from.
 * That page is read from the form, so each action checks it has a form before
 * the session, and without one goes back to where a bad page name goes.
 */
const backTo = z
  .string()
  .regex(/^\/(dashboard|campaigns\/[0-9a-f-]{36})$/)
  .catch("/dashboard");
const id = z.uuid();

/** The signed-in user, within the optimizer actions' hourly limit; otherwise back to the page with why. */
async function signedIn(page: string) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  const limited = await limitUser(OPTIMIZER_RATE_LIMITS.actionsPerUser, user);
  if (!limited.success) done(page, { error: `That is a lot of changes for one hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.` });
  return user;
}

function done(page: string, query: Record<string, string>): never {
  revalidatePath(page);
  redirect(`${page}?${new URLSearchParams(query).toString()}`);
}

/** "Apply": the recommendation's budget moves, made on Meta; the page then shows the changes' progress. */
export async function applyRecommendationAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) done("/dashboard", { error: UNREADABLE_FORM_MESSAGE });
  const page = backTo.parse(formData.get("returnTo"));
  const user = await signedIn(page);
  const parsed = id.safeParse(formData.get("id"));
  if (!parsed.success) done(page, { error: "That recommendation was not found." });
  const outcome = await applyRecommendation(user.id, parsed.data, "user");
  if (!outcome.ok) done(page, { error: outcome.message });
  done(page, { applied: outcome.recommendation.id });
}

/** "Undo": every budget the recommendation changed goes back to what it was. */
export async function rollBackRecommendationAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) done("/dashboard", { error: UNREADABLE_FORM_MESSAGE });
  const page = backTo.parse(formData.get("returnTo"));
  const user = await signedIn(page);
  const parsed = id.safeParse(formData.get("id"));
  if (!parsed.success) done(page, { error: "That recommendation was not found." });
  const outcome = await rollBackRecommendation(user.id, parsed.data);
  if (!outcome.ok) done(page, { error: outcome.message });
  done(page, { rolledBack: outcome.recommendation.id });
}

export async function dismissRecommendationAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) done("/dashboard", { error: UNREADABLE_FORM_MESSAGE });
  const page = backTo.parse(formData.get("returnTo"));
  const user = await signedIn(page);
  const parsed = id.safeParse(formData.get("id"));
  if (!parsed.success || !(await dismissRecommendation(user.id, parsed.data))) done(page, { error: "That recommendation is no longer open." });
  done(page, { dismissed: "1" });
}

/** The campaign's optimizer setting; autopilot only on plans that include it. */
export async function setOptimizerModeAction(formData: FormData): Promise<void> {
  if (!isFormData(formData)) done("/campaigns", { error: UNREADABLE_FORM_MESSAGE });
  const campaignId = id.safeParse(formData.get("campaignId"));
  const page = campaignId.success ? `/campaigns/${campaignId.data}` : "/campaigns";
  const user = await signedIn(page);
  const mode = z.enum(OPTIMIZER_MODES).safeParse(formData.get("mode"));
  if (!campaignId.success || !mode.success) done(page, { error: "Choose off, recommendations or autopilot." });
  if (mode.data === "autopilot" && !tierLimits(user.subscriptionTier).autopilot) done(page, { error: "Autopilot is part of the Professional and Business plans." });
  const changed = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ mode: campaigns.optimizerMode })
      .from(campaigns)
      .where(and(eq(campaigns.id, campaignId.data), eq(campaigns.userId, user.id)))
      .for("update");
    if (!before) return false;
    await tx
      .update(campaigns)
      .set({ optimizerMode: mode.data })
      .where(and(eq(campaigns.id, campaignId.data), eq(campaigns.userId, user.id)));
    await recordAudit(tx, { userId: user.id, action: "optimizer.mode", entityType: "campaign", entityId: campaignId.data, before: { mode: before.mode }, after: { mode: mode.data } });
    return true;
  });
  if (!changed) done("/campaigns", { error: "That campaign was not found." });
  done(page, { optimizer: mode.data });
}

/**
 * "Check now": today's optimizer run for the signed-in user, the same run the
 * morning schedule makes (keyed by user and day, so it happens once a day
 * whoever starts it); the dashboard shows its progress.
 */
export async function checkRecommendationsAction(): Promise<void> {
  const user = await signedIn("/dashboard");
  const day = new Date().toISOString().slice(0, 10);
  const { run } = await startJob(optimizerUser, { userId: user.id, day }, { userId: user.id, idempotencyKey: `${user.id}:${day}` });
  done("/dashboard", { optimizer: run.id });
}
