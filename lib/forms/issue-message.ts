import type { z } from "zod";

const count = (value: number | bigint) => Number(value).toLocaleString("en-US");

/**
 * Messages for the problems a form schema has no words of its own for: a
 * field sent twice, a list where text belongs, a value out of range. The page
 * never sends these, so they reach people with a stale tab or a hand-made
 * request, and zod's wording ("Invalid input: expected string, received
 * array") means nothing to either. Pass it to `safeParse(input, { error })`;
 * a message written on the schema still wins.
 */
export const formIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (Array.isArray(issue.input)) return "Choose one value here, not several.";
      if (issue.input === undefined) return "Fill in this field.";
      return "This value isn't in the form the page sends; reload the page and try again.";
    case "too_big":
      if (issue.origin === "string") return `Use at most ${count(issue.maximum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${count(issue.maximum)}.`;
      return `Use a value of at most ${count(issue.maximum)}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "Fill in this field." : `Use at least ${count(issue.minimum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${count(issue.minimum)}.`;
      return `Use a value of at least ${count(issue.minimum)}.`;
    case "invalid_value":
    case "invalid_union":
      return "Choose one of the options offered.";
    default:
      return "Check this value and try again.";
  }
};
