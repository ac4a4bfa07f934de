import "server-only";
import { z } from "zod";

/**
 * Building blocks for the wizard's form schemas. Forms send strings: empty
 * means "not given", lists arrive as repeated fields (string[]) or one
 * comma-separated string, checkboxes as "on" or nothing.
 */

/** "" and whitespace become undefined, so optional fields left blank are simply absent. */
export function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value), schema.optional());
}

export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return [];
    if (typeof value === "string") {
      return value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean);
    }
    return value;
  }, z.array(item));
}

/** A value sent as one JSON field (the creatives step's ads); malformed JSON fails the schema's type check. */
export function json<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }, schema);
}

export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

/** ISO 8601 with an explicit offset: the browser converts the marketer's local time, so the server never guesses a zone. */
export function dateTime(message: string) {
  return optionalText(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/, message)
      .refine((value) => !Number.isNaN(Date.parse(value)), message)
      .transform((value) => new Date(value)),
  );
}

/** Every issue keyed by its full path ("ads.1.headline"), first message per field; for forms with nested rows. */
export function stepFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
