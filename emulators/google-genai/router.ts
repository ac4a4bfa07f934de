import { apiKeyInvalid, apiKeyMissing, GoogleApiError, internal, invalidArgument, modelNotFound, notFound, quotaExhausted, rateLimited, unavailable } from "./errors";
import type { FaultPlan, RouteKind } from "./faults";
import { downloadFile } from "./files";
import { generateImage } from "./image";
import type { EmulatorState, RecordedRequest } from "./state";
import { generateText } from "./text";
import { pollVideo, startVideo } from "./video";
import { wantsImage, type GenerateContentBody, type PredictLongRunningBody } from "./wire";

type Route = { kind: RouteKind; model?: string; run(failure: FaultPlan["failure"]): Promise<Response> | Response };

const GENERATE = /^\/v1beta\/models\/([^/:]+):(generateContent|predictLongRunning)$/;
const OPERATION = /^\/v1beta\/(models\/([^/:]+)\/operations\/[^/:]+)$/;
const DOWNLOAD = /^\/v1beta\/files\/([^/:]+):download$/;

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw invalidArgument("Invalid JSON payload received. Unexpected token.");
  }
}

function route(state: EmulatorState, request: Request, url: URL, body: unknown): Route | undefined {
  const generate = request.method === "POST" ? GENERATE.exec(url.pathname) : null;
  if (generate) {
    const [, model = "", method] = generate;
    if (method === "predictLongRunning") {
      if (!model.startsWith("veo-")) return { kind: "video", model, run: () => Promise.reject(modelNotFound(model, "predictLongRunning")) };
      return { kind: "video", model, run: (failure) => startVideo(state, model, body as PredictLongRunningBody, failure) };
    }
    const content = body as GenerateContentBody;
    if (!/^(gemini|gemma)-/.test(model)) return { kind: "text", model, run: () => Promise.reject(modelNotFound(model, "generateContent")) };
    if (wantsImage(model, content.generationConfig)) return { kind: "image", model, run: (failure) => generateImage(model, content, failure, state.settings) };
    return { kind: "text", model, run: (failure) => generateText(model, content, failure) };
  }
  const operation = request.method === "GET" ? OPERATION.exec(url.pathname) : null;
  if (operation) {
    const [, name = "", model] = operation;
    return { kind: "poll", model, run: () => pollVideo(state, name, url.origin) };
  }
  const download = request.method === "GET" ? DOWNLOAD.exec(url.pathname) : null;
  if (download) return { kind: "download", run: () => downloadFile(state, download[1] ?? "", url) };
  return undefined;
}

function checkKey(state: EmulatorState, request: Request, url: URL): void {
  // Google takes the key from the header (what the SDK sends) or ?key=.
  const key = request.headers.get("x-goog-api-key") ?? url.searchParams.get("key");
  if (!key) throw apiKeyMissing();
  if (key !== state.apiKey) throw apiKeyInvalid();
}

function injected(failure: NonNullable<FaultPlan["failure"]>, model: string | undefined): GoogleApiError | undefined {
  switch (failure.kind) {
    case "rate_limited":
      return rateLimited(model ?? "unknown", failure.retryDelaySeconds ?? 30);
    case "quota_exhausted":
      return quotaExhausted(model ?? "unknown", failure.flavour ?? "daily");
    case "internal":
      return internal();
    case "unavailable":
      return unavailable();
    default:
      return undefined; // content faults are played by the route itself
  }
}

/** The emulator as a Fetch-API handler: route, record, check the key, inject faults, answer. */
export function createRouter(state: EmulatorState): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const entry: RecordedRequest = { method: request.method, path: url.pathname, route: "unknown", status: 0 };
    state.requests.push(entry);
    let response: Response;
    try {
      const body = request.method === "POST" ? await jsonBody(request) : undefined;
      entry.body = body;
      const matched = route(state, request, url, body);
      if (!matched) throw notFound(`Method not found: ${request.method} ${url.pathname}`);
      entry.route = matched.kind;
      entry.model = matched.model;
      checkKey(state, request, url);
      const plan = state.faults.take(matched.kind);
      if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
      const error = plan.failure && injected(plan.failure, matched.model);
      if (error) throw error;
      response = await matched.run(plan.failure);
    } catch (error) {
      if (!(error instanceof GoogleApiError)) console.error("[google-genai emulator] handler crashed", error);
      response = (error instanceof GoogleApiError ? error : internal()).toResponse();
    }
    entry.status = response.status;
    return response;
  };
}
