import { invalidParam } from "./errors";

/** An uploaded file (multipart part with a filename). */
export type UploadedFile = { filename: string; bytes: Buffer };

/**
 * Request parameters merged from the query string and the body. Graph accepts a
 * parameter from any of them; the SDK sends POST params as a JSON body (objects
 * stay objects) and GET params in the query (objects JSON-stringified), so values
 * are either strings or already-parsed JSON.
 */
export class Params {
  constructor(
    readonly values: Record<string, unknown>,
    readonly files: Record<string, UploadedFile> = {},
  ) {}

  has(name: string): boolean {
    const value = this.values[name];
    return value !== undefined && value !== null && value !== "";
  }

  /** the raw value as a string (JSON values re-serialized), or undefined */
  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  /** a value that Graph expects as JSON: parsed if it arrived as a string */
  json(name: string): unknown {
    const value = this.values[name];
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    if (trimmed === "") return undefined;
    try {
      return JSON.parse(trimmed);
    } catch {
      throw invalidParam(`Param ${name} must be a JSON object or array`);
    }
  }

  jsonObject(name: string): Record<string, unknown> | undefined {
    const value = this.json(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) throw invalidParam(`Param ${name} must be a JSON object`);
    return value as Record<string, unknown>;
  }

  /** an integer parameter (Graph accepts "1000" and 1000 alike) */
  int(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "number" ? value : Number(String(value));
    if (!Number.isInteger(number)) throw invalidParam(`Param ${name} must be an integer`);
    return number;
  }

  bool(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (value === true || value === "true" || value === "1" || value === 1) return true;
    if (value === false || value === "false" || value === "0" || value === 0) return false;
    throw invalidParam(`Param ${name} must be a boolean`);
  }

  /** a comma-separated list (`fields=id,name`) or a JSON array */
  list(name: string): string[] | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (Array.isArray(value)) return value.map(String);
    const text = String(value).trim();
    if (text.startsWith("[")) {
      const parsed = this.json(name);
      if (Array.isArray(parsed)) return parsed.map(String);
    }
    return text.split(",").map((part) => part.trim()).filter(Boolean);
  }

  without(...names: string[]): Params {
    const values = { ...this.values };
    for (const name of names) delete values[name];
    return new Params(values, this.files);
  }
}

export function searchParamsToRecord(search: URLSearchParams): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of search) values[key] = value;
  return values;
}

/**
 * Batch bodies look like `a=1&b={"x":"y&z"}` and the SDK does not URL-encode them,
 * so split on `&` only outside JSON brackets and strings, then decode leniently.
 */
export function parseLenientForm(body: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const pairs: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"' && depth > 0) inString = true;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && depth > 0) depth--;
    else if (char === "&" && depth === 0) {
      pairs.push(body.slice(start, index));
      start = index + 1;
    }
  }
  pairs.push(body.slice(start));
  for (const pair of pairs) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decodeLenient(eq === -1 ? pair : pair.slice(0, eq));
    values[key] = eq === -1 ? "" : decodeLenient(pair.slice(eq + 1));
  }
  return values;
}

function decodeLenient(text: string): string {
  // Form semantics: "+" is a space. Percent-decode only valid escapes, so a raw "50% off" survives.
  const spaced = text.replace(/\+/g, " ");
  if (!/%[0-9A-Fa-f]{2}/.test(spaced)) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Reads every parameter source of a request: query, then body (body wins, as on Graph). */
export async function readParams(request: Request, url: URL): Promise<Params> {
  const values = searchParamsToRecord(url.searchParams);
  const files: Record<string, UploadedFile> = {};
  if (request.method !== "GET" && request.method !== "HEAD" && request.body) await readBody(request, values, files);
  // The in-app sandbox keeps objects in PostgreSQL, which cannot hold NUL: refused like any malformed value.
  if (holdsNul(values)) throw invalidParam("Parameters cannot contain NUL characters");
  return new Params(values, files);
}

const holdsNul = (value: unknown): boolean =>
  typeof value === "string" ? value.includes("\u0000") : typeof value === "object" && value !== null && Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNul(item));

async function readBody(request: Request, values: Record<string, unknown>, files: Record<string, UploadedFile>): Promise<void> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => {
      throw invalidParam("The request body is not valid multipart form data");
    });
    for (const [key, value] of form) {
      if (typeof value === "string") values[key] = value;
      else files[key] = { filename: value.name || key, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    return;
  }
  const text = await request.text();
  if (text.trim() === "") return;
  if (type.includes("json") || text.trimStart().startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(values, parsed);
      return;
    } catch {
      throw invalidParam("The request body is not valid JSON");
    }
  }
  Object.assign(values, searchParamsToRecord(new URLSearchParams(text)));
}
