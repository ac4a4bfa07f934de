import { hexColor, phrase, pick } from "./seeded";

/**
 * Builds a JSON value that conforms to a response schema, the way Gemini's
 * constrained decoding guarantees it: JSON Schema (`responseJsonSchema`) or the
 * OpenAPI subset (`responseSchema`, upper-case types). Covers the keywords Gemini
 * documents: type, enum, const, properties, required, items, prefixItems,
 * min/maxItems, minimum/maximum, min/maxLength, anyOf/oneOf, $ref/$defs, nullable.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

export function documentFor(schema: unknown, random: () => number): unknown {
  return build(asSchema(schema), asSchema(schema), random, 0);
}

function asSchema(value: unknown): Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Schema) : {};
}

function resolveRef(root: Schema, ref: string): Schema {
  // Only local refs ("#/$defs/Name", "#/definitions/Name") exist in a response schema.
  const path = ref.replace(/^#\/?/, "").split("/").filter(Boolean);
  let node: unknown = root;
  for (const key of path) node = asSchema(node)[decodeURIComponent(key.replace(/~1/g, "/").replace(/~0/g, "~"))];
  return asSchema(node);
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.map(String).find((name) => name.toLowerCase() !== "null")?.toLowerCase();
  if (typeof type === "string") return type.toLowerCase();
  if (schema.properties) return "object";
  if (schema.items || schema.prefixItems) return "array";
  return undefined;
}

function build(schema: Schema, root: Schema, random: () => number, depth: number): unknown {
  if (typeof schema.$ref === "string") return build(resolveRef(root, schema.$ref), root, random, depth + 1);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pick(random, schema.enum);
  const options = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(options) && options.length > 0) {
    const concrete = options.map(asSchema).find((option) => typeOf(option) !== "null" && option.type !== "null");
    return build(concrete ?? asSchema(options[0]), root, random, depth + 1);
  }
  if (depth > MAX_DEPTH) return null;
  switch (typeOf(schema)) {
    case "object":
      return objectFor(schema, root, random, depth);
    case "array":
      return arrayFor(schema, root, random, depth);
    case "integer":
      return Math.round(numberFor(schema, random, true));
    case "number":
      return Math.round(numberFor(schema, random, false) * 100) / 100;
    case "boolean":
      return random() < 0.5;
    case "null":
      return null;
    default:
      return stringFor(schema, random);
  }
}

function objectFor(schema: Schema, root: Schema, random: () => number, depth: number): Record<string, unknown> {
  const properties = asSchema(schema.properties);
  const ordering = Array.isArray(schema.propertyOrdering) ? schema.propertyOrdering.map(String) : [];
  const keys = [...new Set([...ordering, ...Object.keys(properties)])].filter((key) => key in properties);
  return Object.fromEntries(keys.map((key) => [key, build(asSchema(properties[key]), root, random, depth + 1)]));
}

function arrayFor(schema: Schema, root: Schema, random: () => number, depth: number): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.map(asSchema) : [];
  const min = Math.max(Number(schema.minItems ?? 1), prefix.length);
  const max = Math.max(min, Number(schema.maxItems ?? min + 2));
  const count = min + Math.floor(random() * (Math.min(max, min + 3) - min + 1));
  const items = asSchema(schema.items);
  return Array.from({ length: count }, (_, index) => build(prefix[index] ?? items, root, random, depth + 1));
}

function numberFor(schema: Schema, random: () => number, integer: boolean): number {
  const step = integer ? 1 : 0.01;
  const low = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + step : Number(schema.minimum ?? 0);
  const high = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - step : Number(schema.maximum ?? Math.max(low, 0) + 100);
  const value = low + random() * (high - low);
  return integer ? Math.min(Math.floor(high), Math.max(Math.ceil(low), value)) : value;
}

function stringFor(schema: Schema, random: () => number): string {
  const pattern = typeof schema.pattern === "string" ? schema.pattern : "";
  // Hex colours are the one pattern callers ask for; other patterns are not generated.
  if (/^\^?#/.test(pattern) && /a-f/i.test(pattern)) return hexColor(random);
  switch (schema.format) {
    case "date-time":
      return new Date(Date.UTC(2026, Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString();
    case "date":
      return `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
    case "email":
      return `hello${Math.floor(random() * 1000)}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/${Math.floor(random() * 1000)}`;
  }
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  let text = phrase(random, 2 + Math.floor(random() * 6));
  while (text.length < min) text = `${text} ${phrase(random, 3).toLowerCase()}`;
  return text.length > max ? text.slice(0, max).trimEnd().padEnd(Math.min(min, max), "x") : text;
}

/** A document that is valid JSON but breaks the schema, as a model that ignored it would answer. */
export function offSchemaDocument(valid: unknown): unknown {
  if (Array.isArray(valid)) return { items: "none" };
  if (typeof valid === "object" && valid !== null) {
    const [first, ...rest] = Object.keys(valid);
    if (first === undefined) return [];
    return { ...Object.fromEntries(rest.map((key) => [key, (valid as Record<string, unknown>)[key]])), [`${first}_text`]: 42 };
  }
  return { value: valid };
}
