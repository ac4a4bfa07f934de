import { describe, expect, it } from "vitest";
import { colorsInValue, parseColor } from "./css-color";

describe("colorsInValue", () => {
  it.each([
    ["#C0392B", "#c0392b", 1],
    ["#fff", "#ffffff", 1],
    ["#f008", "#ff0000", 0x88 / 255],
    ["#4f46e580", "#4f46e5", 0x80 / 255],
    ["rgb(243, 156, 18)", "#f39c12", 1],
    ["rgba(0,0,0,.15)", "#000000", 0.15],
    ["rgb(243 156 18 / 50%)", "#f39c12", 0.5],
    ["rgb(100%, 0%, 0%)", "#ff0000", 1],
    ["hsl(160, 84%, 39%)", "#10b77f", 1],
    ["hsl(160deg 84% 39% / 0.5)", "#10b77f", 0.5],
    ["hsla(0.5turn, 100%, 50%, 1)", "#00ffff", 1],
    ["oklch(62.3% 0.214 259.815)", "#2b7fff", 1],
    ["oklab(0.628 0.225 0.126)", "#ff0000", 1],
    ["tomato", "#ff6347", 1],
    ["RebeccaPurple", "#663399", 1],
  ])("reads %s", (value, hex, alpha) => {
    const [found] = colorsInValue(value);
    expect(found?.hex).toBe(hex);
    expect(found?.alpha).toBeCloseTo(alpha, 2);
  });

  it("finds every colour in a compound value, in order", () => {
    expect(colorsInValue("linear-gradient(135deg, #4f46e5 0%, rgb(124, 58, 237) 100%)").map((found) => found.hex)).toEqual(["#4f46e5", "#7c3aed"]);
  });

  it("ignores colours inside url(), quotes, identifiers and unresolved var()", () => {
    expect(colorsInValue('url("data:image/svg+xml,<svg fill=%23ff0000>") no-repeat')).toEqual([]);
    expect(colorsInValue("var(--brand-red)")).toEqual([]);
    expect(colorsInValue("rgb(var(--primary))")).toEqual([]);
    expect(colorsInValue('"Red Hat Display"')).toEqual([]);
    expect(colorsInValue("#abcde #12")).toEqual([]);
  });

  it("skips named colours where the caller says words are not colours", () => {
    expect(colorsInValue("Coral Pixels", false)).toEqual([]);
  });
});

describe("parseColor", () => {
  it("normalises one colour and refuses keywords and transparency", () => {
    expect(parseColor(" #ABC ")).toBe("#aabbcc");
    expect(parseColor("currentColor")).toBeNull();
    expect(parseColor("transparent")).toBeNull();
    expect(parseColor("none")).toBeNull();
    expect(parseColor("rgba(0,0,0,0)")).toBeNull();
  });
});
