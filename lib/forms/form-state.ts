import type { z } from "zod";
import { formText } from "./form-text";

/** What a server action hands back to the form that called it (read with useActionState). */
export type FormState = {
  status: "idle" | "error";
  /** A message for the whole form. */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Values to put back into the form; never includes passwords. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = { status: "idle" };

/** For an action called with something other than a form: only a hand-made request sends that, and nothing in it is read. */
export const UNREADABLE_FORM_MESSAGE = "This form could not be read. Reload the page and try again.";

export const unreadableFormState: FormState = { status: "error", message: UNREADABLE_FORM_MESSAGE };

/** The first message per field, keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Reads string fields from FormData, ignoring files and repeated keys. */
export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, typeof formData.get(name) === "string" ? formText(formData.get(name) as string) : ""]));
}

export function waitMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "about a minute" : `${minutes} minutes`;
}
