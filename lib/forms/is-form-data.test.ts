import { describe, expect, it } from "vitest";
import { isFormData } from "./is-form-data";

describe("isFormData", () => {
  it("accepts a real form and nothing that only looks like one", () => {
    expect(isFormData(new FormData())).toBe(true);
    // A Map answers get() like a form would; a forged request can send one.
    for (const value of [new Map([["id", "1"]]), { get: () => "1" }, { id: "1" }, [["id", "1"]], "id=1", new Blob(["id=1"]), new URLSearchParams("id=1"), null, undefined]) {
      expect(isFormData(value)).toBe(false);
    }
  });
});
