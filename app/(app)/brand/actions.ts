"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { brandAnalyze } from "@/lib/brand/analyze-job";
import { brandEditInput, saveBrandEdits } from "@/lib/brand/edit";
import { replaceLogo } from "@/lib/brand/replace-logo";
import { websiteUrl } from "@/lib/brand/website-url";
import { CREATIVE_RATE_LIMITS } from "@/lib/creatives/rate-limits";
import { fieldErrorsOf, formValues, unreadableFormState, waitMessage, type FormState } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";
import { limitUser } from "@/lib/auth/user-rate-limit";
import { startJob } from "@/lib/jobs/start-job";

export type AnalyzeState = FormState & { runId?: string };

const SIGNED_OUT: FormState = { status: "error", message: "Your session has ended. Sign in again to continue." };

export async function analyzeBrandAction(_previous: AnalyzeState, formData: FormData): Promise<AnalyzeState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const values = formValues(formData, ["url"]);
  const url = websiteUrl.safeParse(values.url);
  if (!url.success) return { status: "error", fieldErrors: { url: url.error.issues[0]!.message }, values };
  const limited = await limitUser(CREATIVE_RATE_LIMITS.brandAnalysisPerUser, user);
  if (!limited.success) return { status: "error", message: `You have analyzed ${limited.limit} sites in the last hour. Try again in ${waitMessage(limited.retryAfterSeconds)}.`, values };
  const { run } = await startJob(brandAnalyze, { url: url.data }, { userId: user.id });
  return { status: "idle", runId: run.id, values: { url: url.data } };
}

const EDIT_FIELDS = [
  "websiteUrl",
  "name",
  "summary",
  "audience",
  "tone",
  "valuePropositions",
  "wordsToUse",
  "wordsToAvoid",
  "fonts",
  "dos",
  "donts",
  "notes",
  "primary",
  "secondary",
  "accent",
  "background",
  "text",
] as const;

export type SaveBrandState = FormState & { savedAt?: number };

export async function saveBrandAction(_previous: SaveBrandState, formData: FormData): Promise<SaveBrandState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const values = formValues(formData, EDIT_FIELDS);
  const parsed = brandEditInput.safeParse(values);
  if (!parsed.success) return { status: "error", message: "Some fields need a look.", fieldErrors: fieldErrorsOf(parsed.error), values };
  await saveBrandEdits(user.id, parsed.data);
  revalidatePath("/brand");
  return { status: "idle", savedAt: Date.now(), values };
}

export async function uploadLogoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  if (!isFormData(formData)) return unreadableFormState;
  const file = z.instanceof(File).safeParse(formData.get("logo"));
  if (!file.success || file.data.size === 0) return { status: "error", message: "Choose an image file for your logo." };
  const result = await replaceLogo(user.id, Buffer.from(await file.data.arrayBuffer()));
  if (!result.ok) return { status: "error", message: result.message };
  revalidatePath("/brand");
  return { status: "idle" };
}
