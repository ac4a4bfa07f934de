import "server-only";

export type Declaration = { property: string; value: string };
export type Stylesheet = { declarations: Declaration[]; imports: string[] };

/**
 * The declarations of a stylesheet (or of a style attribute) in source order,
 * nesting and at-rules flattened away, plus its @import URLs. Not a full CSS
 * parser: enough to count colours and fonts, robust to what it does not know.
 */
export function readStylesheet(css: string, { inline = false } = {}): Stylesheet {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, " ");
  const declarations: Declaration[] = [];
  const imports: string[] = [];
  // An inline style attribute is the inside of a block already.
  let depth = inline ? 1 : 0;
  let parens = 0;
  let buffer = "";

  const flush = (atTopLevel: boolean) => {
    const statement = buffer.trim();
    buffer = "";
    if (!statement) return;
    if (atTopLevel) {
      const url = /^@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/i.exec(statement)?.[1];
      if (url) imports.push(url);
      return;
    }
    const colon = statement.indexOf(":");
    if (colon <= 0) return;
    const property = statement.slice(0, colon).trim().toLowerCase();
    const value = statement
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, "")
      .trim();
    if (/^(--)?[a-z-][a-z0-9-]*$/.test(property) && value) declarations.push({ property, value });
  };

  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"' || char === "'") {
      // Quoted text may hold braces and semicolons (content: "{"), so copy it whole.
      const end = text.indexOf(char, index + 1);
      const stop = end === -1 ? text.length - 1 : end;
      buffer += text.slice(index, stop + 1);
      index = stop;
    } else if (char === "(") {
      parens += 1;
      buffer += char;
    } else if (char === ")") {
      parens = Math.max(0, parens - 1);
      buffer += char;
    } else if (parens > 0) {
      // data: URLs carry ";base64," and must not end the declaration.
      buffer += char;
    } else if (char === "{") {
      // What came before is a selector or an at-rule prelude, or (CSS nesting) a declaration list.
      buffer = "";
      depth += 1;
    } else if (char === "}") {
      flush(false);
      depth = Math.max(0, depth - 1);
    } else if (char === ";") {
      flush(depth === 0);
    } else {
      buffer += char;
    }
  }
  flush(depth === 0);
  return { declarations, imports };
}
