"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { deleteAsset, setTags } from "@/lib/creatives/library";
import { UNREADABLE_FORM_MESSAGE, unreadableFormState, type FormState } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";

const id = z.uuid();

export async function setTagsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { status: "error", message: "Your session has ended. Sign in again to continue." };
  if (!isFormData(formData)) return unreadableFormState;
  const assetId = id.safeParse(formData.get("id"));
  const text = formData.get("tags");
  if (!assetId.success || typeof text !== "string" || text.length > 2000) return { status: "error", message: "Those tags could not be saved." };
  const tags = await setTags(user.id, assetId.data, text);
  if (!tags) return { status: "error", message: "That asset is not in your library." };
  revalidatePath("/library");
  return { status: "idle", values: { tags: tags.join(", ") } };
}

export async function deleteAssetAction(formData: FormData): Promise<void> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Flibrary");
  if (!isFormData(formData)) redirect(`/library?error=${encodeURIComponent(UNREADABLE_FORM_MESSAGE)}`);
  const assetId = id.safeParse(formData.get("id"));
  const result = assetId.success ? await deleteAsset(user.id, assetId.data) : ({ ok: false, reason: "not_found" } as const);
  revalidatePath("/library");
  if (result.ok) redirect("/library?deleted=1");
  const message =
    result.reason === "in_use"
      ? `This asset is running in ${result.campaigns.map((name) => `“${name}”`).join(", ")}. Pause and finish those campaigns, or swap the creative, before deleting it.`
      : "That asset is not in your library.";
  redirect(`/library?error=${encodeURIComponent(message)}`);
}
