import { z } from "zod";
import { describe, expect, it } from "vitest";
import { formObject } from "./form-object";
import { formValues } from "./form-state";
import { formIssueMessage } from "./issue-message";

const first = (schema: z.ZodType, input: unknown) => schema.safeParse(input, { error: formIssueMessage }).error?.issues[0]?.message;

// Found by fuzzing the server actions (tests/security/fuzz-actions.test.ts): zod's own wording reached the wizard.
describe("formIssueMessage", () => {
  it("puts zod's defaults into sentences", () => {
    expect(first(z.object({ url: z.string() }), { url: ["a", "b"] })).toBe("Choose one value here, not several.");
    expect(first(z.object({ url: z.string() }), {})).toBe("Fill in this field.");
    expect(first(z.object({ ads: z.array(z.object({ id: z.string() })) }), { ads: ["x"] })).toBe("This value isn't in the form the page sends; reload the page and try again.");
    expect(first(z.string().max(1200), "x".repeat(1201))).toBe("Use at most 1,200 characters.");
    expect(first(z.string().min(1), "")).toBe("Fill in this field.");
    expect(first(z.array(z.string()).max(3), ["a", "b", "c", "d"])).toBe("Choose at most 3.");
    expect(first(z.enum(["a", "b"]), "c")).toBe("Choose one of the options offered.");
  });

  it("leaves a schema's own message alone", () => {
    expect(first(z.string({ error: "Give the campaign a name." }), undefined)).toBe("Give the campaign a name.");
    expect(first(z.string().max(3, "Keep it short."), "long")).toBe("Keep it short.");
  });
});

describe("form readers", () => {
  it("drop NUL characters, which PostgreSQL cannot store", () => {
    const form = new FormData();
    form.append("name", "Spring\u0000 sale");
    form.append("tags", "a\u0000");
    form.append("tags", "b");
    expect(formValues(form, ["name"])).toEqual({ name: "Spring sale" });
    expect(formObject(form)).toEqual({ name: "Spring sale", tags: ["a", "b"] });
  });
});
