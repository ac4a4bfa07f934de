"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/client-ip";
import { registerUser } from "@/lib/auth/credentials";
import { HOME_PATH, safeCallbackPath } from "@/lib/auth/routes";
import { signInSchema, signUpSchema } from "@/lib/auth/validation";
import { fieldErrorsOf, formValues, unreadableFormState, waitMessage, type FormState } from "@/lib/forms/form-state";
import { isFormData } from "@/lib/forms/is-form-data";

const WRONG_CREDENTIALS = "That email and password don't match an account.";

/** Runs Auth.js's sign-in and turns its refusal into a message for the form. */
async function startSession(email: string, password: string): Promise<string | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    if (error.code === "rate_limited") {
      const seconds = (error as CredentialsSignin & { retryAfterSeconds?: number }).retryAfterSeconds ?? 60;
      return `Too many sign-in attempts. Try again in ${waitMessage(seconds)}.`;
    }
    return WRONG_CREDENTIALS;
  }
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableFormState;
  const values = formValues(formData, ["email", "callbackUrl"]);
  const parsed = signInSchema.safeParse({ email: values.email, password: formData.get("password") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const problem = await startSession(parsed.data.email, parsed.data.password);
  if (problem) return { status: "error", message: problem, values };
  redirect(safeCallbackPath(values.callbackUrl));
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableFormState;
  const values = formValues(formData, ["name", "email"]);
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const result = await registerUser(parsed.data, clientIp(await headers()));
  if (!result.ok) {
    if (result.error === "email_taken") {
      return { status: "error", fieldErrors: { email: "An account with this email already exists. Sign in instead." }, values };
    }
    return { status: "error", message: `Too many sign-up attempts. Try again in ${waitMessage(result.retryAfterSeconds)}.`, values };
  }

  const problem = await startSession(parsed.data.email, parsed.data.password);
  // The account exists; if the session could not start, signing in is the way forward.
  if (problem) redirect("/sign-in?created=1");
  redirect(`${HOME_PATH}?welcome=1`);
}
