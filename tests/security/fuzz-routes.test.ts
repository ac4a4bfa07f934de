/**
 * Issue 9: every route handler under app/, called with hostile requests from
 * fast-check (broken and 1 MB bodies, wrong content types, junk query strings
 * and headers, forged signatures), anonymously and, where a session matters,
 * signed in as a user who owns data. The property: never a 5xx, and a 4xx
 * JSON answer carries a message. The list of handlers is read from app/, so a
 * new one without an entry below fails the first test by name.
 */
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { createGraphEmulator, SANDBOX } from "@/emulators/meta-graph";
import { RANGE_PRESETS } from "@/lib/analytics/range";
import { png } from "@/lib/campaigns/launch/test-fixtures";
import "@/lib/jobs/catalog";
import { jobUrl } from "@/lib/jobs/config";
import { registeredJobNames } from "@/lib/jobs/registry";
import { signDelivery } from "@/lib/jobs/signing";
import { qstashSigningKeys } from "@/lib/local-secrets";
import { metaConfig, sandboxScope, SANDBOX_GRAPH_PATH } from "@/lib/meta/config";
import { createOAuthState } from "@/lib/meta/oauth-state";
import { createPostgresGraphStore } from "@/lib/meta/sandbox/postgres-store";
import { createSignedRequest } from "@/lib/meta/signed-request";
import { actAs } from "@/tests/support/tenancy";
import { enumerateEndpoints } from "./enumerate";
import { fuzzRuns, hostileRequest, hostileString, messagesIn, sentText, toRequest, unclearMessage, watchUnhandledRejections, type RequestShape, type RequestSpec } from "./fuzz";
import { seedWorld, type World } from "./world";

// The metrics endpoint only exists with a token configured; with one, its bearer check is what gets fuzzed.
const METRICS_TOKEN = "fuzz-metrics-token-0123456789abcdef";
vi.mock("@/lib/env", async (original) => {
  const actual = await original<typeof import("@/lib/env")>();
  return { ...actual, env: new Proxy(actual.env, { get: (target, key) => (key === "METRICS_TOKEN" ? METRICS_TOKEN : Reflect.get(target, key)) }) };
});

const exportRoute = await import("@/app/api/analytics/export/route");
const assetsRoute = await import("@/app/api/assets/route");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const filesRoute = await import("@/app/api/files/[...key]/route");
const healthRoute = await import("@/app/api/health/route");
const jobRunsRoute = await import("@/app/api/job-runs/[id]/route");
const jobsRoute = await import("@/app/api/jobs/[name]/route");
const dataDeletionRoute = await import("@/app/api/meta/data-deletion/route");
const deauthorizeRoute = await import("@/app/api/meta/deauthorize/route");
const oauthCallback = await import("@/app/api/meta/oauth/callback/route");
const metricsRoute = await import("@/app/api/metrics/route");
const sandboxRoute = await import("@/app/api/sandbox/graph/[scope]/[...path]/route");

// ---- How each handler is reached ---------------------------------------------------

type Caller = "anonymous" | "signed-in";

type Entry = {
  /** Who is fuzzed: everyone can reach every route, a session changes what a route does. */
  callers: Caller[];
  /** People read a "person" route's messages (sentences); a "machine" route answers Meta, QStash or an SDK in their format. */
  audience: "person" | "machine";
  request: (world: World, fixtures: Fixtures) => fc.Arbitrary<RequestSpec>;
  call: (request: Request) => Promise<Response>;
  /** Fills in what must be fresh for each request (a CSRF token), just before it is sent. */
  prepare?: (spec: RequestSpec) => Promise<RequestSpec>;
  runs?: number;
};

/** Made once before the fuzzing: a sandbox with a real token in it. */
type Fixtures = { scopes: string[]; graphToken: string };

/** The URL path after `prefix`, split and decoded as Next does for a catch-all segment. */
function segmentsAfter(request: Request, prefix: string): string[] {
  return new URL(request.url).pathname
    .slice(prefix.length)
    .split("/")
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

const params = <T,>(value: T) => ({ params: Promise.resolve(value) });
const pick = <T extends string>(...values: T[]) => fc.constantFrom(...values);
/** Any text as one path segment; surrogates are replaced, since a URL cannot carry half a character. */
const asSegment = (text: string) => encodeURIComponent(text.slice(0, 200).replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
const segment = fc.oneof(hostileString.map(asSegment), pick("..", ".", "%2e%2e", "%2F", "users", ""));
const route = (shape: RequestShape) => () => hostileRequest(shape);
const runIdOrJunk = (world: World) => fc.oneof(fc.constant(world.a.failedRun), fc.uuid(), hostileString.map(asSegment));

/** A Meta signed_request: garbage, well-formed but forged, or truly signed around a hostile payload. */
const signedRequest = fc.oneof(
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.tuple(fc.base64String({ maxLength: 60 }), fc.base64String({ maxLength: 200 })).map(([signature, payload]) => `${signature}.${payload}`) },
  {
    weight: 4,
    arbitrary: fc
      .record({
        user_id: fc.oneof({ weight: 4, arbitrary: hostileString }, fc.integer(), fc.constant(null), fc.constant({ $ne: 1 })),
        issued_at: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.integer(), fc.constant("now")),
        algorithm: fc.oneof({ weight: 4, arbitrary: fc.constant("HMAC-SHA256") }, fc.constant("none")),
      })
      .map((payload) => createSignedRequest(JSON.parse(JSON.stringify(payload)) as Record<string, unknown>, metaConfig().appSecret)),
  },
);

const metaCallback = (call: (request: Request) => Promise<Response>, path: string): Entry => ({
  callers: ["anonymous"],
  audience: "machine",
  request: route({ method: "POST", path: fc.constant(path), body: { signed_request: signedRequest }, encoding: "urlencoded" }),
  call,
});

/** A job delivery: no signature, a forged one, or a valid signature over a hostile envelope (never a real schedule). */
function jobDelivery(world: World): fc.Arbitrary<RequestSpec> {
  const name = fc.oneof(fc.constantFrom(...registeredJobNames()), hostileString.map(asSegment));
  const envelope = fc.oneof(
    fc.record({ runId: fc.oneof(fc.uuid(), fc.constant(world.a.failedRun), hostileString) }).map((value) => JSON.stringify(value)),
    fc.record({ schedule: hostileString }).map((value) => JSON.stringify(value)),
    fc.json({ maxDepth: 2 }),
    hostileString,
  );
  return fc.tuple(name, envelope, fc.oneof(fc.constant("valid"), fc.constant("none"), hostileString)).chain(([jobName, body, signature]) =>
    hostileRequest({ method: "POST", path: fc.constant(`/api/jobs/${jobName}`) }).map((spec) => {
      const decoded = segmentsAfter(new Request(spec.url), "/api/jobs/")[0] ?? "";
      const signed = signature === "valid" ? signDelivery({ key: qstashSigningKeys().current, url: jobUrl(decoded), body }) : signature;
      return Object.assign(spec, { body, headers: [...spec.headers.filter(([header]) => header !== "upstash-signature"), ...(signature === "none" ? [] : [["upstash-signature", signed.replace(/[^\x20-\x7e]/g, "")] as [string, string]])] });
    }),
  );
}

const GRAPH_PATHS = (fixtures: Fixtures) =>
  fc.oneof(
    pick("v24.0/me", "v24.0/me/adaccounts", `v24.0/act_${SANDBOX.sam.adAccountId}/campaigns`, `v24.0/act_${SANDBOX.sam.adAccountId}/insights`, "v24.0/debug_token", "v24.0/oauth/access_token", "v24.0/dialog/oauth", "v24.0/", `v24.0/${SANDBOX.sam.pageId}`, "v24.0/sandbox-media/x", "v3.0/me", "me"),
    fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `v24.0/${parts.join("/")}`),
  ).chain((path) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fixtures.scopes) }, pick("0000000000000000000000zz", "short")).map((scope) => `${SANDBOX_GRAPH_PATH}/${scope}/${path}`));

const sandbox = (method: "GET" | "POST" | "DELETE"): Entry => {
  const graphFields = (fixtures: Fixtures) => ({
    access_token: fc.oneof({ weight: 4, arbitrary: fc.constant(fixtures.graphToken) }, pick("EAABnotatoken")),
    fields: pick("id,name", "id,name,insights{spend}", "{{{", "*"),
    limit: pick("1", "-1", "1e309", "500"),
    after: pick("MA==", "garbage"),
    time_range: pick('{"since":"2025-01-01","until":"2025-01-31"}', "{", '{"since":"x"}'),
    batch: pick('[{"method":"GET","relative_url":"me"}]', "[", '[{"method":"DELETE","relative_url":"../../x"}]'),
    name: pick("Fuzzed", ""),
    status: pick("PAUSED", "ACTIVE", "DELETED", "bogus"),
    objective: pick("OUTCOME_TRAFFIC", "bogus"),
    daily_budget: pick("500", "-1", "1e309"),
    special_ad_categories: pick("[]", "NONE", "["),
    client_id: pick(metaConfig().appId, "1"),
    redirect_uri: pick(metaConfig().redirectUri, "https://evil.example"),
    code: pick("AQbogus", ""),
    input_token: fc.constantFrom(fixtures.graphToken, "x"),
    method: pick("delete", "get", "patch"),
    appsecret_proof: pick("00", "z"),
  });
  return {
    callers: ["anonymous"],
    audience: "machine",
    // The SDK sends POST parameters as a JSON body.
    request: (_world, fixtures) => hostileRequest({ method, path: GRAPH_PATHS(fixtures), query: graphFields(fixtures), body: graphFields(fixtures), encoding: "json", headers: { authorization: fc.constantFrom(`Bearer ${fixtures.graphToken}`, "OAuth x") } }),
    call: (request) => sandboxRoute[method](request, params({ scope: segmentsAfter(request, `${SANDBOX_GRAPH_PATH}/`)[0] ?? "" })),
  };
};

/** Auth.js: its GET and POST actions, with or without a session cookie or a CSRF token. */
const auth = (method: "GET" | "POST"): Entry => ({
  callers: ["anonymous"],
  audience: "machine",
  request: route({
    method,
    path: fc.oneof(pick("session", "csrf", "providers", "signin", "signout", "callback/credentials", "signin/credentials", "error", "verify-request", "callback/github", "webauthn-options/x"), segment).map((action) => `/api/auth/${action}`),
    query: { callbackUrl: pick("/dashboard", "https://evil.example", "//evil.example"), error: pick("Configuration", "CredentialsSignin") },
    body: { csrfToken: pick(FRESH_CSRF, FRESH_CSRF, "x", ""), email: pick("alice@example.test", "not-an-email"), password: pick("correct horse battery", ""), callbackUrl: pick("/dashboard", "https://evil.example"), redirect: pick("false", "true") },
    encoding: "urlencoded",
    headers: { cookie: pick("authjs.session-token=garbage", "authjs.csrf-token=abc%7Cdef", "__Secure-authjs.session-token=eyJhbGciOiJkaXIifQ..x.y.z", "authjs.callback-url=https%3A%2F%2Fevil.example", "authjs.callback-url=garbage") },
  }),
  // Next hands Auth.js a NextRequest.
  call: (request) => authRoute[method](new NextRequest(request)),
  prepare: withFreshCsrf,
  runs: 30,
});

/** Stands in the body for a real CSRF token, so sign-in and sign-out attempts get past Auth.js's first check. */
const FRESH_CSRF = "fresh-csrf-token";

async function withFreshCsrf(spec: RequestSpec): Promise<RequestSpec> {
  if (typeof spec.body !== "string" || !spec.body.includes(FRESH_CSRF)) return spec;
  const response = await authRoute.GET(new NextRequest("http://127.0.0.1:39017/api/auth/csrf"));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]!);
  return { ...spec, body: spec.body.replaceAll(FRESH_CSRF, csrfToken), headers: [...spec.headers.filter(([name]) => name !== "cookie"), ["cookie", cookie.join("; ")]] };
}

const ENTRIES: Record<string, Entry> = {
  "app/api/analytics/export/route.ts GET": {
    callers: ["anonymous", "signed-in"],
    audience: "person",
    request: (world) =>
      hostileRequest({
        method: "GET",
        path: fc.constant("/api/analytics/export"),
        query: {
          table: pick("campaigns", "daily", "users"),
          range: fc.constantFrom(...Object.keys(RANGE_PRESETS), "custom", "__proto__", "toString"),
          since: pick("2025-01-01", "2025-02-30", "0000-01-01", "9999-12-31", "2025-1-1"),
          until: pick("2025-01-31", "2999-01-01", "2024-12-31"),
          campaign: fc.oneof(fc.constant(world.a.launched), fc.constant(world.b.draft), fc.uuid(), fc.constant(`${world.a.launched},${world.a.draft}`)),
          currency: pick("USD", "EUR", "usd", "XXXX", "€"),
          sort: pick("spend", "name", "roas", "__proto__"),
          dir: pick("asc", "desc", "sideways"),
        },
      }),
    call: (request) => exportRoute.GET(request),
  },
  "app/api/assets/route.ts POST": {
    callers: ["anonymous", "signed-in"],
    audience: "person",
    request: route({
      method: "POST",
      path: fc.constant("/api/assets"),
      encoding: "form",
      body: {
        file: fc.oneof(
          fc.constant(new File([new Uint8Array(png(3))], "logo.png", { type: "image/png" })),
          fc.constant(new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'], "x.svg", { type: "image/svg+xml" })),
          fc.uint8Array({ maxLength: 2048 }).map((bytes) => new File([bytes], "random.bin")),
          fc.constant(new File([new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32])], "clip.mp4", { type: "video/mp4" })),
        ),
        tags: pick("summer, sale", "", "a\u0000b"),
      },
      headers: { "content-length": pick("0", "-1", "1e309", "999999999999", "NaN") },
    }),
    call: (request) => assetsRoute.POST(request),
  },
  "app/api/auth/[...nextauth]/route.ts GET": auth("GET"),
  "app/api/auth/[...nextauth]/route.ts POST": auth("POST"),
  "app/api/files/[...key]/route.ts GET": {
    callers: ["anonymous", "signed-in"],
    audience: "person",
    request: (world) =>
      hostileRequest({
        method: "GET",
        path: fc
          .oneof(
            fc.constant(world.a.fileKey),
            fc.constant(world.a.fileKey.replace(".png", ".svg")),
            fc.constant(`users/${world.bob.id}/../../${world.a.fileKey}`),
            fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join("/")),
            fc.tuple(fc.constantFrom(world.alice.id, world.bob.id), fc.array(segment, { minLength: 1, maxLength: 3 })).map(([owner, parts]) => `users/${owner}/${parts.join("/")}`),
          )
          .map((key) => `/api/files/${key}`),
        query: { download: pick("1", "") },
        headers: { range: pick("bytes=0-0", "bytes=5-", "bytes=-3", "bytes=9-1", "bytes=0-999999999999999999999", "bytes=-0", "bytes=1-2,3-4", "items=0-1", "bytes=99999999-") },
      }),
    call: (request) => filesRoute.GET(request, params({ key: segmentsAfter(request, "/api/files/") })),
  },
  "app/api/health/route.ts GET": { callers: ["anonymous"], audience: "machine", request: route({ method: "GET", path: fc.constant("/api/health") }), call: () => healthRoute.GET(), runs: 5 },
  "app/api/job-runs/[id]/route.ts GET": {
    callers: ["anonymous", "signed-in"],
    audience: "person",
    request: (world) => hostileRequest({ method: "GET", path: runIdOrJunk(world).map((id) => `/api/job-runs/${id}`) }),
    call: (request) => jobRunsRoute.GET(request, params({ id: segmentsAfter(request, "/api/job-runs/")[0] ?? "" })),
  },
  "app/api/jobs/[name]/route.ts POST": {
    callers: ["anonymous"],
    audience: "machine",
    request: (world) => jobDelivery(world),
    call: (request) => jobsRoute.POST(request, params({ name: segmentsAfter(request, "/api/jobs/")[0] ?? "" })),
    runs: 30,
  },
  "app/api/meta/data-deletion/route.ts POST": metaCallback((request) => dataDeletionRoute.POST(request), "/api/meta/data-deletion"),
  "app/api/meta/deauthorize/route.ts POST": metaCallback((request) => deauthorizeRoute.POST(request), "/api/meta/deauthorize"),
  "app/api/meta/oauth/callback/route.ts GET": {
    callers: ["anonymous", "signed-in"],
    audience: "person",
    request: (world) =>
      hostileRequest({
        method: "GET",
        path: fc.constant("/api/meta/oauth/callback"),
        query: {
          code: pick("AQbogus", "", "x".repeat(5000)),
          // A state truly signed for the signed-in user gets as far as exchanging the code with the sandbox.
          state: fc.oneof(fc.constant(null).map(() => createOAuthState(world.alice.id)), fc.constant(world.a.oauthState), pick("a.b.c", "a.1e309.c", "..")),
          error: pick("access_denied", ""),
          error_reason: pick("user_denied"),
        },
      }),
    call: (request) => oauthCallback.GET(request),
  },
  "app/api/metrics/route.ts GET": {
    callers: ["anonymous"],
    audience: "person",
    request: route({ method: "GET", path: fc.constant("/api/metrics"), headers: { authorization: pick(`Bearer ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN}x`, `bearer ${METRICS_TOKEN}`, "Bearer ", `Basic ${METRICS_TOKEN}`, `Bearer ${"é".repeat(METRICS_TOKEN.length)}`) } }),
    call: (request) => metricsRoute.GET(request),
    runs: 15,
  },
  "app/api/sandbox/graph/[scope]/[...path]/route.ts GET": sandbox("GET"),
  "app/api/sandbox/graph/[scope]/[...path]/route.ts POST": sandbox("POST"),
  "app/api/sandbox/graph/[scope]/[...path]/route.ts DELETE": sandbox("DELETE"),
};

const DEFAULT_RUNS = 25;

// ---- What an answer must look like ---------------------------------------------------

/** Throws (failing the property) on a 5xx, a thrown error, or a 4xx JSON answer without a clear message. */
async function expectAnswered(key: string, entry: Entry, spec: RequestSpec): Promise<void> {
  let response: Response;
  try {
    response = await entry.call(toRequest(spec));
  } catch (error) {
    throw new Error(`${key} threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`);
  }
  // Read to the end: a body that fails while streaming is a broken answer too.
  const body = await response.text();
  if (response.status >= 500) throw new Error(`${key} answered ${response.status}: ${body.slice(0, 500)}`);
  if (response.status < 400 || !response.headers.get("content-type")?.includes("json")) return;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(`${key} answered ${response.status} with content-type JSON and a body that is not: ${body.slice(0, 200)}`);
  }
  // Auth.js refuses a session update that fails its CSRF check with a bare `null`, which its client library expects.
  if (json === null && key.startsWith("app/api/auth/") && new URL(spec.url).pathname === "/api/auth/session" && spec.method === "POST") return;
  // Auth.js answers with the message as the whole JSON body.
  const messages = typeof json === "string" ? [json] : messagesIn(json);
  if (messages.length === 0) throw new Error(`${key} answered ${response.status} without an error message: ${body.slice(0, 300)}`);
  for (const message of messages) {
    // Meta, QStash and SDK clients get their own formats; only the absence of internals is asked of those.
    const problem = unclearMessage(message, sentText(spec), { sentence: entry.audience === "person" });
    if (problem) throw new Error(`${key} answered ${response.status} with an unclear message (${problem})`);
  }
}

// ---- The tests ----------------------------------------------------------------------

describe("route handlers under hostile requests", () => {
  it("has a fuzz entry for every route handler in app/", () => {
    const found = enumerateEndpoints()
      .filter((endpoint) => endpoint.kind === "route")
      .map((endpoint) => endpoint.key);
    const missing = found.filter((key) => !(key in ENTRIES));
    expect(missing, `New route handlers need an entry in ENTRIES: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(ENTRIES).filter((key) => !found.includes(key));
    expect(stale, `Entries for route handlers that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  let world: World;
  let fixtures: Fixtures;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeAll(async () => {
    rejections = watchUnhandledRejections();
    world = await seedWorld();
    fixtures = await sandboxWithToken(sandboxScope(world.alice.id));
  });
  afterAll(() => rejections.stop());

  for (const [key, entry] of Object.entries(ENTRIES)) {
    for (const caller of entry.callers) {
      it(`${key} answers every request from ${caller === "anonymous" ? "an anonymous caller" : "a signed-in owner"} below 500`, async () => {
        await fc.assert(
          fc.asyncProperty(entry.request(world, fixtures), async (spec) => {
            actAs(caller === "signed-in" ? world.alice : null);
            await expectAnswered(key, entry, (await entry.prepare?.(spec)) ?? spec);
          }),
          fuzzRuns(entry.runs ?? DEFAULT_RUNS),
        );
      });
    }
  }

  it("left no promise rejected without a handler", async () => {
    // Rejections surface a tick after the call that caused them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections.stop().map(String)).toEqual([]);
  });
});

/** Seeds the user's sandbox through the route, then mints a token in it, so fuzzed Graph calls get past authentication. */
async function sandboxWithToken(scope: string): Promise<Fixtures> {
  const base = `http://127.0.0.1:39017${SANDBOX_GRAPH_PATH}/${scope}`;
  await (await sandboxRoute.GET(new Request(`${base}/v24.0/me`), params({ scope }))).text();
  const emulator = createGraphEmulator({ appId: metaConfig().appId, appSecret: metaConfig().appSecret, baseUrl: base, pathPrefix: `${SANDBOX_GRAPH_PATH}/${scope}`, store: createPostgresGraphStore(db, scope) });
  const graphToken = emulator.issueToken({ userId: SANDBOX.sam.userId, scopes: ["ads_management", "ads_read", "pages_show_list"] });
  // The emulator finishes its pending writes (the token) before it answers.
  await (await emulator.handle(new Request(`${base}/v24.0/me?access_token=${graphToken}`))).text();
  return { scopes: [scope, "0000000000000000000000aa"], graphToken };
}
