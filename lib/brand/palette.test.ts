import { describe, expect, it } from "vitest";
import { readStylesheet } from "./css-declarations";
import { buildPalette } from "./palette";

const palette = (css: string, extra: { attributeColors?: string[]; themeColor?: string } = {}) =>
  buildPalette({ declarations: readStylesheet(css).declarations, attributeColors: extra.attributeColors ?? [], themeColor: extra.themeColor });

describe("buildPalette", () => {
  it("puts every chromatic colour before white, black and greys, however often those are used", () => {
    const colors = palette(`
      body { color: #222; background: #fff; border-color: #ccc; }
      p { color: #222; } li { color: #222; } div { background: #fff; } span { color: #999; }
      .cta { background: #e63946; }
    `).map((entry) => entry.color);
    expect(colors[0]).toBe("#e63946");
    expect(colors.slice(1)).toEqual(expect.arrayContaining(["#222222", "#ffffff", "#cccccc", "#999999"]));
  });

  it("merges near-duplicate shades under the most used one and sums their weight", () => {
    const result = palette(`.a { color: #e63946 } .b { color: #e63946 } .c { color: #e53a47 } .d { color: #1d3557 }`);
    expect(result.map((entry) => entry.color)).toEqual(["#e63946", "#1d3557"]);
    expect(result[0]!.weight).toBe(0.75);
    expect(result[1]!.weight).toBe(0.25);
  });

  it("gives brand-named variables and the theme colour extra weight, and unused scale variables little", () => {
    const colors = palette(
      `:root { --blue-500: #3b82f6; --red-500: #ef4444; --green-500: #22c55e; --brand: #f97316; }
       .x { color: #0ea5e9 } .y { color: #0ea5e9 }`,
      { themeColor: "#7c3aed" },
    ).map((entry) => entry.color);
    expect(colors.slice(0, 3)).toEqual(["#7c3aed", "#f97316", "#0ea5e9"]);
  });

  it("counts a variable's colour every time var() uses it, including shadcn's bare HSL channels", () => {
    const result = palette(`
      :root { --primary: 221.2 83.2% 53.3%; --surface: #fafafa; }
      .btn { background: hsl(var(--primary)); } .link { color: hsl(var(--primary)); } .card { background: var(--surface); }
      .badge { color: #16a34a; }
    `);
    expect(result[0]!.color).toBe("#2563eb");
    expect(result.map((entry) => entry.color)).toContain("#16a34a");
  });

  it("discounts faint overlays and shadows, and keeps at most eight colours", () => {
    const many = Array.from({ length: 12 }, (_, index) => `.c${index} { color: hsl(${index * 30}, 80%, 50%) }`).join("\n");
    expect(palette(many)).toHaveLength(8);
    expect(palette(`.a { box-shadow: 0 1px 2px rgba(0,0,0,.05); background: rgba(255, 0, 0, 0.05) }`)).toEqual([]);
  });
});
