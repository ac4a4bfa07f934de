import { runBatch } from "./batch";
import { executeCall, type GraphResult } from "./call";
import { GRAPH_VERSION, type EmulatorContext } from "./context";
import { GraphError, errorBody, unknownObject } from "./errors";
import { debugToken, exchangeToken, showDialog, submitConsent } from "./oauth";
import { MEDIA_PATH, serveImage } from "./objects/images";
import { readParams, type Params } from "./params";
import { usageHeaders, usageSnapshot } from "./rate-limit";

/** A 1×1 transparent PNG, served as every video's thumbnail. */
const THUMBNAIL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const BASE_HEADERS = {
  "content-type": "application/json; charset=UTF-8",
  "facebook-api-version": GRAPH_VERSION,
  "cache-control": "private, no-cache, no-store, must-revalidate",
};

function respond(result: Pick<GraphResult, "status" | "body" | "headers">): Response {
  const raw = typeof result.body === "string";
  const headers = { ...BASE_HEADERS, ...(raw ? { "content-type": "text/html; charset=utf-8" } : {}), ...result.headers, "x-fb-trace-id": Math.random().toString(36).slice(2, 13) };
  return new Response(raw ? (result.body as string) : JSON.stringify(result.body), { status: result.status, headers });
}

/** Runs endpoints outside the object graph (OAuth, batch) with the same error envelope and app usage header. */
async function special(ctx: EmulatorContext, work: () => Promise<{ body: unknown; accountId?: string }>): Promise<Response> {
  let accountId: string | undefined;
  let status = 200;
  let body: unknown;
  try {
    ({ body, accountId } = await work());
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    status = error.status;
    body = errorBody(error);
  }
  return respond({ status, body, headers: usageHeaders(ctx, await usageSnapshot(ctx, accountId)) });
}

/** Graph accepts `method=delete` (and get) on a POST, which is how HTML forms and some clients send deletes. */
function effectiveMethod(request: Request, params: Params): "GET" | "POST" | "DELETE" | undefined {
  const override = params.string("method")?.toUpperCase();
  const method = request.method === "POST" && (override === "DELETE" || override === "GET") ? override : request.method.toUpperCase();
  return method === "GET" || method === "POST" || method === "DELETE" ? method : undefined;
}

/** The Fetch-API handler: strips the mount prefix and the version, then routes. */
export function createHandler(ctx: EmulatorContext, pathPrefix: string, ready: () => Promise<void>): (request: Request) => Promise<Response> {
  const prefix = pathPrefix.replace(/\/+$/, "");
  return async (request) => {
    await ready();
    const url = new URL(request.url);
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      // Keep the raw path; routing will answer "does not exist".
    }
    if (prefix && pathname.startsWith(prefix)) pathname = pathname.slice(prefix.length);
    const path = pathname.replace(/^\/+/, "").replace(/^v\d+\.\d+(\/|$)/, "").replace(/\/+$/, "");
    if (path.includes("\u0000")) {
      // No object's id holds NUL (the sandbox's PostgreSQL store could not even look one up).
      const error = unknownObject(path.replaceAll("\u0000", ""), request.method);
      return respond({ status: error.status, body: errorBody(error), headers: {} });
    }

    if (path.startsWith(`${MEDIA_PATH}/`)) return serveImage(ctx, path.slice(MEDIA_PATH.length + 1));
    if (path === "sandbox-media/video-thumbnail.png") return new Response(new Uint8Array(THUMBNAIL), { headers: { "content-type": "image/png" } });
    if (path === "dialog/oauth") return request.method === "POST" ? submitConsent(ctx, request) : showDialog(ctx, url);

    let params: Params;
    try {
      params = await readParams(request, url);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      return respond({ status: error.status, body: errorBody(error), headers: {} });
    }
    const authorization = request.headers.get("authorization");
    if (path === "oauth/access_token") return special(ctx, async () => ({ body: await exchangeToken(ctx, params) }));
    if (path === "debug_token") return special(ctx, async () => ({ body: await debugToken(ctx, params, authorization) }));
    if (path === "" && request.method === "POST" && params.has("batch")) return special(ctx, () => runBatch(ctx, params, authorization));

    const method = effectiveMethod(request, params);
    if (!method) return respond({ status: 405, body: errorBody(new GraphError({ message: `Unsupported method ${request.method}`, code: 100 })), headers: {} });
    return respond(await executeCall(ctx, { method, path, params: params.without("method"), authorization }));
  };
}
