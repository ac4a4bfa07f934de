"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { ANALYTICS_RATE_LIMITS } from "@/lib/analytics/rate-limits";
import { requestSync } from "@/lib/analytics/sync/request-sync";
import { UNREADABLE_FORM_MESSAGE, waitMessage } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";
import { limitUser } from "@/lib/auth/user-rate-limit";
import { addDemoHistory } from "@/lib/meta/sandbox/demo-history";
import { logger } from "@/lib/observability/logger";

/** Pages that show a "Sync now" button; the action returns to the one it was pressed on. */
const returnTo = z.enum(["/dashboard", "/analytics"]).catch("/dashboard");

/**
 * "Sync now": one sync run per connected ad account of the signed-in user
 * (requestSync reuses a run already in flight), then back to the page with the
 * run ids so it can show their progress.
 */
export async function syncNowAction(formData: FormData): Promise<void> {
  // The page to return to comes from the form, so the form is checked before the session; without one, the default page.
  if (!isFormData(formData)) redirect(`/dashboard?syncError=${encodeURIComponent(UNREADABLE_FORM_MESSAGE)}`);
  const page = returnTo.parse(formData.get("returnTo"));
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(page)}`);
  const limited = await limitUser(ANALYTICS_RATE_LIMITS.syncNowPerUser, user);
  if (!limited.success) redirect(`${page}?syncError=${encodeURIComponent(`Syncs were started many times in the last hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.`)}`);
  let runIds: string[];
  try {
    ({ runIds } = await requestSync(user.id, "manual"));
  } catch (error) {
    logger.error("sync_request_failed", { userId: user.id, error: error instanceof Error ? error.message : String(error) });
    redirect(`${page}?syncError=${encodeURIComponent("The sync could not be started. Try again in a minute.")}`);
  }
  if (runIds.length === 0) redirect(`${page}?syncError=${encodeURIComponent("Connect a Meta ad account in Settings first.")}`);
  redirect(`${page}?sync=${runIds.join(",")}`);
}

/** Sandbox only: 60 days of simulated campaigns on the user's sandbox account, then a sync (see lib/meta/sandbox/demo-history.ts). */
export async function addDemoHistoryAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fdashboard");
  const limited = await limitUser(ANALYTICS_RATE_LIMITS.demoHistoryPerUser, user);
  if (!limited.success) redirect(`/dashboard?syncError=${encodeURIComponent(`Try again in ${waitMessage(limited.retryAfterSeconds)}.`)}`);
  const outcome = await addDemoHistory(user.id);
  if (!outcome.ok) redirect(`/dashboard?syncError=${encodeURIComponent(outcome.message)}`);
  redirect(`/dashboard?sync=${outcome.runIds.join(",")}`);
}
