import type { CallContext } from "./context";
import { invalidParam } from "./errors";

/** How one kind of Graph node is rendered: every field it has, and those shown when none are asked for. */
export type NodeView<R> = {
  /** Graph's node type name, used in "nonexisting field" errors */
  typeName: string;
  defaultFields: readonly string[];
  /** every field of the node; null/undefined ones are omitted from responses, as Graph omits them */
  render(ctx: CallContext, record: R): Promise<Record<string, unknown>>;
};

type FieldTree = Map<string, FieldTree | null>;

/** Parses `id,name,creative{id,name}` (nested selections in braces). */
export function parseFields(spec: string): FieldTree {
  const tree: FieldTree = new Map();
  let depth = 0;
  let start = 0;
  const push = (part: string) => {
    const text = part.trim();
    if (!text) return;
    const brace = text.indexOf("{");
    // Modifiers such as `adsets.limit(5)` are accepted and ignored.
    const name = (brace === -1 ? text : text.slice(0, brace)).replace(/\..*$/, "").trim();
    tree.set(name, brace === -1 ? null : parseFields(text.slice(brace + 1, text.lastIndexOf("}"))));
  };
  for (let index = 0; index < spec.length; index++) {
    const char = spec[index];
    if (char === "{") depth++;
    else if (char === "}") depth--;
    else if (char === "," && depth === 0) {
      push(spec.slice(start, index));
      start = index + 1;
    }
  }
  push(spec.slice(start));
  return tree;
}

function pick(full: Record<string, unknown>, tree: FieldTree, typeName: string, strict: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, sub] of tree) {
    if (!(name in full)) {
      if (strict) throw invalidParam(`Tried accessing nonexisting field (${name}) on node type (${typeName})`);
      continue;
    }
    const value = full[name];
    if (value === null || value === undefined) continue;
    out[name] = sub && value && typeof value === "object" && !Array.isArray(value) ? pick(value as Record<string, unknown>, sub, typeName, false) : value;
  }
  return out;
}

/** Applies the `fields` parameter; Graph always includes `id` on nodes that have one. */
export function selectFields(full: Record<string, unknown>, fieldsParam: string | undefined, view: { typeName: string; defaultFields: readonly string[] }): Record<string, unknown> {
  const tree = parseFields(fieldsParam && fieldsParam.trim() ? fieldsParam : view.defaultFields.join(","));
  const picked = pick(full, tree, view.typeName, true);
  return full.id !== undefined && picked.id === undefined ? { id: full.id, ...picked } : picked;
}
