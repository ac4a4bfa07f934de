import { executeCall, type GraphCall, type GraphResult } from "./call";
import type { EmulatorContext } from "./context";
import { GraphError, errorBody, invalidParam, requiredParam } from "./errors";
import { Params, parseLenientForm } from "./params";
import { tokenFromRequest } from "./tokens";

/** Graph refuses batches above this size. */
export const MAX_BATCH = 50;

type BatchItem = { method?: string; relative_url?: string; body?: string | Record<string, unknown>; name?: string; depends_on?: string; omit_response_on_success?: boolean };

type BatchResponse = { code: number; headers: Array<{ name: string; value: string }>; body: string } | null;

/** The SDK posts `batch` as a JSON array; curl-style clients send it as a form field holding a JSON string. */
function readItems(params: Params): BatchItem[] {
  const raw = params.json("batch");
  if (raw === undefined) throw requiredParam("batch");
  if (!Array.isArray(raw)) throw invalidParam("Param batch must be a JSON array");
  if (raw.length > MAX_BATCH) throw invalidParam(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`);
  return raw.map((item: unknown, index) => {
    if (!item || typeof item !== "object") throw invalidParam(`Batch item ${index} must be an object`);
    return item as BatchItem;
  });
}

/** `{result=name:$.id}` / `{result=name:$.data.*.id}`: JSONPath into an earlier named result. */
function substitute(text: string, results: Map<string, unknown>): string {
  return text.replace(/\{result=([^:}]+):\$\.([^}]+)\}/g, (whole, name: string, path: string) => {
    if (!results.has(name)) return whole;
    let values: unknown[] = [results.get(name)];
    for (const key of path.split(".")) {
      values = values.flatMap((value) => {
        if (key === "*") return Array.isArray(value) ? value : [];
        return value && typeof value === "object" ? [(value as Record<string, unknown>)[key]] : [];
      });
    }
    return values.filter((value) => value !== undefined).map(String).join(",");
  });
}

function toCall(item: BatchItem, results: Map<string, unknown>, fallbackToken: string | undefined): GraphCall {
  const method = (item.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "POST" && method !== "DELETE") throw invalidParam(`Unsupported batch method ${method}`);
  const relative = substitute(String(item.relative_url ?? ""), results).replace(/^\/+/, "").replace(/^v\d+\.\d+\/?/, "");
  const queryAt = relative.indexOf("?");
  const path = queryAt === -1 ? relative : relative.slice(0, queryAt);
  // Relative URLs and bodies are not reliably URL-encoded (the SDK sends them raw), so both parse leniently.
  const values: Record<string, unknown> = queryAt === -1 ? {} : parseLenientForm(relative.slice(queryAt + 1));
  if (typeof item.body === "string") Object.assign(values, parseLenientForm(substitute(item.body, results)));
  else if (item.body && typeof item.body === "object") Object.assign(values, item.body);
  if (values.access_token === undefined && fallbackToken) values.access_token = fallbackToken;
  return { method, path, params: new Params(values), authorization: null };
}

function toResponse(result: GraphResult): NonNullable<BatchResponse> {
  const headers = [{ name: "Content-Type", value: "text/javascript; charset=UTF-8" }, ...Object.entries(result.headers).map(([name, value]) => ({ name, value }))];
  return { code: result.status, headers, body: typeof result.body === "string" ? result.body : JSON.stringify(result.body) };
}

/**
 * POST / with `batch`: runs items in order, each as a full Graph call (own auth,
 * faults and rate-limit charge), and answers an array in the same order.
 */
export async function runBatch(ctx: EmulatorContext, params: Params, authorization: string | null): Promise<{ body: BatchResponse[]; accountId?: string }> {
  const items = readItems(params);
  const fallbackToken = tokenFromRequest(params, authorization);
  const results = new Map<string, unknown>();
  const failed = new Set<string>();
  const referenced = new Set(items.flatMap((item) => [item.depends_on, ...[...JSON.stringify(item).matchAll(/\{result=([^:}]+):/g)].map((match) => match[1])]).filter((name): name is string => !!name));
  const responses: BatchResponse[] = [];
  let accountId: string | undefined;

  for (const item of items) {
    if (item.depends_on && failed.has(item.depends_on)) {
      // (uncertain) Graph's wording for items whose parent failed.
      const error = new GraphError({ message: `(#100) The request depends on "${item.depends_on}", which failed`, code: 100 });
      responses.push({ code: 400, headers: [], body: JSON.stringify(errorBody(error)) });
      if (item.name) failed.add(item.name);
      continue;
    }
    let result: GraphResult;
    try {
      result = await executeCall(ctx, toCall(item, results, fallbackToken));
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      result = { status: error.status, body: errorBody(error), headers: {} };
    }
    accountId = result.accountId ?? accountId;
    const ok = result.status === 200;
    if (item.name) {
      if (ok) results.set(item.name, result.body);
      else failed.add(item.name);
    }
    // Graph leaves out the response of a named request that others reference, unless asked to keep it.
    const omit = ok && item.name !== undefined && referenced.has(item.name) && item.omit_response_on_success !== false;
    responses.push(omit ? null : toResponse(result));
  }
  return { body: responses, accountId };
}

