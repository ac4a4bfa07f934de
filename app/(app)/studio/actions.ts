"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { QuotaExceeded } from "@/lib/creatives/quota";
import { makeVariants, regenerate, startGeneration, type Started } from "@/lib/creatives/requests";
import { CREATIVE_RATE_LIMITS } from "@/lib/creatives/rate-limits";
import { fieldErrorsOf, formValues, UNREADABLE_FORM_MESSAGE, unreadableFormState, waitMessage, type FormState } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";
import { limitUser } from "@/lib/auth/user-rate-limit";

export type GenerateState = FormState & { runId?: string; requestId?: string };

const FIELDS = ["kind", "prompt", "style", "variants", "tags", "headline", "callToAction", "durationSeconds"] as const;

function refused(error: unknown, values?: Record<string, string>): GenerateState {
  if (error instanceof QuotaExceeded) return { status: "error", message: error.message, values };
  if (error instanceof z.ZodError) return { status: "error", message: "Some choices need a look.", fieldErrors: fieldErrorsOf(error), values };
  throw error;
}

export async function generateAction(_previous: GenerateState, formData: FormData): Promise<GenerateState> {
  const user = await getSessionUser();
  if (!user) return { status: "error", message: "Your session has ended. Sign in again to continue." };
  if (!isFormData(formData)) return unreadableFormState;
  const values = formValues(formData, FIELDS);
  const limited = await limitUser(CREATIVE_RATE_LIMITS.generatePerUser, user);
  if (!limited.success) return { status: "error", message: `That is a lot of requests at once. Try again in ${waitMessage(limited.retryAfterSeconds)}.`, values };
  const formats = formData.getAll("formats").filter((value): value is string => typeof value === "string");
  try {
    const started = await startGeneration(user.id, {
      kind: values.kind,
      prompt: values.prompt,
      formats,
      style: values.style,
      useBrand: formData.get("useBrand") === "on",
      variants: values.variants || "1",
      tags: values.tags,
      headline: values.headline,
      callToAction: values.callToAction,
      durationSeconds: values.kind === "video" ? values.durationSeconds || undefined : undefined,
    });
    revalidatePath("/studio");
    return { status: "idle", runId: started.runId, requestId: started.request.id, values: { ...values, formats: formats.join(","), useBrand: String(formData.get("useBrand") === "on") } };
  } catch (error) {
    return refused(error, { ...values, formats: formats.join(","), useBrand: String(formData.get("useBrand") === "on") });
  }
}

const id = z.uuid();

async function rerun(make: (userId: string, id: string) => Promise<Started | null>, formData: FormData): Promise<never> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fstudio");
  if (!isFormData(formData)) redirect(`/studio?error=${encodeURIComponent(UNREADABLE_FORM_MESSAGE)}`);
  const parsed = id.safeParse(formData.get("id"));
  let query = "missing=1";
  if (parsed.success) {
    try {
      const started = await make(user.id, parsed.data);
      if (started) query = `run=${started.runId}`;
    } catch (error) {
      // A redirect carries one sentence: the first field problem, or the allowance message.
      const state = refused(error);
      const message = Object.values(state.fieldErrors ?? {})[0] ?? state.message ?? "That could not be started.";
      query = `error=${encodeURIComponent(message)}`;
    }
  }
  revalidatePath("/studio");
  redirect(`/studio?${query}`);
}

/** "Regenerate": the same request again, with new seeds. */
export async function regenerateAction(formData: FormData): Promise<void> {
  await rerun(regenerate, formData);
}

/** "More like this": three new takes on one library asset. */
export async function makeVariantsAction(formData: FormData): Promise<void> {
  await rerun(makeVariants, formData);
}
