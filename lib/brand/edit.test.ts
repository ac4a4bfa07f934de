import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms/form-state";
import { brandEditInput } from "./edit";

// Found by fuzzing saveBrandAction (tests/security/fuzz-actions.test.ts): "Too big: expected string to have <=120 characters".
describe("brandEditInput", () => {
  it("says every length limit in a sentence", () => {
    const colors = { primary: "", secondary: "", accent: "", background: "", text: "" };
    const parsed = brandEditInput.safeParse({ ...colors, name: "n".repeat(121), summary: "s".repeat(601), audience: "a".repeat(301), notes: "x".repeat(2001), tone: "t".repeat(4001) });
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      name: "Keep the brand name under 120 characters.",
      summary: "Keep this under 600 characters.",
      audience: "Keep this under 300 characters.",
      notes: "Keep this under 2,000 characters.",
      tone: "Keep this under 4,000 characters.",
    });
  });
});
