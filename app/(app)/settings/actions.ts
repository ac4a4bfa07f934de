"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { isFormData } from "@/lib/forms/is-form-data";
import { loginDialogUrl } from "@/lib/meta/config";
import { disconnectMeta, setAdAccountConnected, setDefaultAdAccount } from "@/lib/meta/connections";
import { createOAuthState } from "@/lib/meta/oauth-state";
import { setWeeklyReportEmail } from "@/lib/reports/preferences";

const idSchema = z.uuid();

async function requireUser() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fsettings");
  return user;
}

function back(code: string): never {
  revalidatePath("/settings");
  redirect(`/settings?meta=${code}#meta`);
}

/** Starts Facebook Login (or the sandbox dialog); `rerequest` asks again for declined permissions. */
export async function connectMetaAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  if (!isFormData(formData)) back("unreadable");
  redirect(loginDialogUrl(user.id, createOAuthState(user.id), { rerequest: formData.get("rerequest") === "1" }));
}

export async function disconnectMetaAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  if (!isFormData(formData)) back("unreadable");
  const id = idSchema.safeParse(formData.get("id"));
  back(id.success && (await disconnectMeta(user.id, id.data)) ? "disconnected" : "not-found");
}

export async function toggleAdAccountAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  if (!isFormData(formData)) back("unreadable");
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) back("not-found");
  const result = await setAdAccountConnected(user.id, user.subscriptionTier, id.data, formData.get("connected") === "1");
  back(result.ok ? "updated" : result.error === "limit_reached" ? "limit" : result.error === "inactive" ? "inactive" : "not-found");
}

export async function setDefaultAdAccountAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  if (!isFormData(formData)) back("unreadable");
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success) back("not-found");
  const result = await setDefaultAdAccount(user.id, id.data);
  back(result.ok ? "updated" : "not-found");
}

const weeklyReportEmailSchema = z.enum(["on", "off"]);

/** Turns the Monday report email on or off for the signed-in user only. */
export async function setWeeklyReportEmailAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  if (!isFormData(formData)) redirect("/settings?report=invalid#reports");
  const choice = weeklyReportEmailSchema.safeParse(formData.get("weeklyReportEmail"));
  if (!choice.success) redirect("/settings?report=invalid#reports");
  await setWeeklyReportEmail(user.id, choice.data === "on");
  revalidatePath("/settings");
  redirect(`/settings?report=${choice.data}#reports`);
}
