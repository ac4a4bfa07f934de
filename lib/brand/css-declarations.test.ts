import { describe, expect, it } from "vitest";
import { readStylesheet } from "./css-declarations";

describe("readStylesheet", () => {
  it("flattens rules, at-rules and nesting into declarations in source order", () => {
    const { declarations } = readStylesheet(`
      /* color: #ff0000 */
      a:hover { color: #111 !important }
      @media (min-width: 600px) { .x { background: #222; } }
      .card { padding: 1rem; .title { color: #333 } }
    `);
    expect(declarations).toEqual([
      { property: "color", value: "#111" },
      { property: "background", value: "#222" },
      { property: "padding", value: "1rem" },
      { property: "color", value: "#333" },
    ]);
  });

  it("keeps semicolons and braces that sit inside url() and quotes", () => {
    const { declarations } = readStylesheet(`.i { background: url(data:image/png;base64,AAA=) #fff; } .q::before { content: "{;}"; color: red }`);
    expect(declarations).toEqual([
      { property: "background", value: "url(data:image/png;base64,AAA=) #fff" },
      { property: "content", value: '"{;}"' },
      { property: "color", value: "red" },
    ]);
  });

  it("reads style attributes and @import URLs", () => {
    expect(readStylesheet("color: #fff; background-color:#F39C12", { inline: true }).declarations).toHaveLength(2);
    expect(readStylesheet(`@import url("https://fonts.googleapis.com/css2?family=Inter"); @import '/base.css';`).imports).toEqual([
      "https://fonts.googleapis.com/css2?family=Inter",
      "/base.css",
    ]);
  });
});
