import { GRAPH_VERSION, type CallContext } from "./context";
import { invalidParam } from "./errors";
import { selectFields, type NodeView } from "./fields";

/** Graph's default page size for edges. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 5000;

export const encodeCursor = (id: string) => Buffer.from(`cursor:${id}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!text.startsWith("cursor:")) throw invalidParam("Invalid cursor");
  return text.slice("cursor:".length);
}

type Filter = { field: string; operator: string; value: unknown };

/** Reads `filtering=[{field, operator, value}]`; `campaign.id` style fields map to `campaign_id`. */
function readFilters(ctx: CallContext): Filter[] {
  const raw = ctx.params.json("filtering");
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalidParam("Param filtering must be an array");
  return raw.map((item: unknown) => {
    const filter = item as Partial<Filter> | null;
    if (!filter || typeof filter.field !== "string" || typeof filter.operator !== "string") throw invalidParam("Filtering field, operator and value are required");
    return { field: filter.field, operator: filter.operator.toUpperCase(), value: filter.value };
  });
}

function fieldValue(row: Record<string, unknown>, field: string): unknown {
  if (field in row) return row[field];
  const underscored = field.replace(/\./g, "_");
  if (underscored in row) return row[underscored];
  const [head, ...rest] = field.split(".");
  let value: unknown = head === undefined ? undefined : row[head];
  for (const key of rest) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function matches(row: Record<string, unknown>, filter: Filter): boolean {
  const actual = fieldValue(row, filter.field);
  const text = actual === undefined || actual === null ? "" : String(actual);
  const list = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
  switch (filter.operator) {
    case "EQUAL":
      return text === String(filter.value);
    case "NOT_EQUAL":
      return text !== String(filter.value);
    case "CONTAIN":
      return text.toLowerCase().includes(String(filter.value).toLowerCase());
    case "NOT_CONTAIN":
      return !text.toLowerCase().includes(String(filter.value).toLowerCase());
    case "IN":
    case "ANY":
      return list.includes(text);
    case "NOT_IN":
    case "NONE":
      return !list.includes(text);
    case "GREATER_THAN":
      return Number(actual) > Number(filter.value);
    case "GREATER_THAN_OR_EQUAL":
      return Number(actual) >= Number(filter.value);
    case "LESS_THAN":
      return Number(actual) < Number(filter.value);
    case "LESS_THAN_OR_EQUAL":
      return Number(actual) <= Number(filter.value);
    default:
      throw invalidParam(`Filtering operator ${filter.operator} is not supported`);
  }
}

/** Absolute URL back to this edge, carrying every original parameter (Meta echoes them, token included). */
export function pageUrl(ctx: CallContext, cursor: { after?: string; before?: string }, limit: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(ctx.params.values)) {
    if (["after", "before", "limit", "appsecret_proof"].includes(key) || value === undefined || value === null) continue;
    search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  search.set("access_token", ctx.token.id);
  search.set("limit", String(limit));
  if (cursor.after) search.set("after", cursor.after);
  if (cursor.before) search.set("before", cursor.before);
  return `${ctx.baseUrl}/${GRAPH_VERSION}/${ctx.path}?${search.toString()}`;
}

/**
 * Renders an edge listing: filter on the full rendering, then cursor-page, then
 * apply `fields`. Rows arrive in the order Graph lists them.
 */
export async function listEdge<R extends { id: string }>(
  ctx: CallContext,
  records: R[],
  view: NodeView<R>,
  options: { exclude?: (row: Record<string, unknown>) => boolean } = {},
): Promise<{ data: Array<Record<string, unknown>>; paging?: Record<string, unknown> }> {
  const filters = readFilters(ctx);
  const rendered: Array<{ id: string; row: Record<string, unknown> }> = [];
  for (const record of records) {
    const row = await view.render(ctx, record);
    if (options.exclude?.(row)) continue;
    if (filters.every((filter) => matches(row, filter))) rendered.push({ id: record.id, row });
  }

  const limit = Math.min(Math.max(ctx.params.int("limit") ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const after = ctx.params.string("after");
  const before = ctx.params.string("before");
  let start = 0;
  let end = Math.min(rendered.length, limit);
  if (after) {
    const index = rendered.findIndex((item) => item.id === decodeCursor(after));
    start = index === -1 ? rendered.length : index + 1;
    end = Math.min(rendered.length, start + limit);
  } else if (before) {
    const index = rendered.findIndex((item) => item.id === decodeCursor(before));
    end = index === -1 ? 0 : index;
    start = Math.max(0, end - limit);
  }
  const slice = rendered.slice(start, end);
  const data = slice.map((item) => selectFields(item.row, ctx.params.string("fields"), view));
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (!first || !last) return { data };

  const paging: Record<string, unknown> = { cursors: { before: encodeCursor(first.id), after: encodeCursor(last.id) } };
  if (start > 0) paging.previous = pageUrl(ctx, { before: encodeCursor(first.id) }, limit);
  if (end < rendered.length) paging.next = pageUrl(ctx, { after: encodeCursor(last.id) }, limit);
  return { data, paging };
}
