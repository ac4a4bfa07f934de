"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { retryRunForUser } from "@/lib/jobs/runs";

export type RetryState = { ok: boolean; message: string };

/** Retries one of the signed-in user's failed runs. */
export async function retryJobRunAction(runId: string): Promise<RetryState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Sign in to continue." };
  const id = z.uuid().safeParse(runId);
  if (!id.success) return { ok: false, message: "That job was not found." };
  const result = await retryRunForUser(user.id, id.data);
  if (!result.ok) {
    return { ok: false, message: result.error === "not_found" ? "That job was not found." : "Only a failed job can be retried." };
  }
  revalidatePath("/settings/activity");
  return { ok: true, message: "Retrying. It picks up where it stopped." };
}
