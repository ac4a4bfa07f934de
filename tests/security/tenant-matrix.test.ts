/**
 * Issue 9: every server action and route handler, called by Bob with Alice's ids.
 * The list of endpoints is read from app/ at test time; each must have an entry
 * below (a cross-tenant case, a reason it takes no ids, or a reason it is public
 * by design), so a new action or route without one fails the first test by name.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { brandProfiles, jobRuns, users } from "@/db/schema";
import { consumeOAuthState, createOAuthState } from "@/lib/meta/oauth-state";
import { storage } from "@/lib/storage";
import { png } from "@/lib/campaigns/launch/test-fixtures";
import { actAs } from "@/tests/support/tenancy";
import { enumerateEndpoints } from "./enumerate";
import { tenantFingerprint, watchedFingerprint } from "./snapshot";
import { seedWorld, type World } from "./world";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));
// Auth.js itself is not under test; signing out only needs to be shown to take nothing but the caller's session.
const signOut = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock("@/lib/auth/auth", () => ({ signOut }));

const appActions = await import("@/app/(app)/actions");
const brand = await import("@/app/(app)/brand/actions");
const campaignActions = await import("@/app/(app)/campaigns/actions");
const dashboard = await import("@/app/(app)/dashboard/actions");
const library = await import("@/app/(app)/library/actions");
const optimizer = await import("@/app/(app)/optimizer/actions");
const settings = await import("@/app/(app)/settings/actions");
const activity = await import("@/app/(app)/settings/activity/actions");
const studio = await import("@/app/(app)/studio/actions");
const exportRoute = await import("@/app/api/analytics/export/route");
const assetsRoute = await import("@/app/api/assets/route");
const filesRoute = await import("@/app/api/files/[...key]/route");
const jobRunsRoute = await import("@/app/api/job-runs/[id]/route");
const oauthCallback = await import("@/app/api/meta/oauth/callback/route");

// ---- What an endpoint answered ------------------------------------------------

type Outcome = { redirect: string } | { state: unknown } | { status: number; location: string | null; body: string };

/** Actions redirect by throwing (mocked above), return form state, or nothing; routes answer a Response. */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    if (value instanceof Response) return { status: value.status, location: value.headers.get("location"), body: await value.text() };
    return { state: value ?? null };
  } catch (error) {
    if (error && typeof error === "object" && "url" in error) return { redirect: String(error.url) };
    throw error;
  }
}

function form(values: Record<string, string | Blob | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const request = (path: string, init?: RequestInit) => new Request(new URL(path, "http://127.0.0.1:39017"), init);
const idle = { status: "idle" as const };

/** Nothing of Alice's in what Bob got back, apart from what Bob himself sent. */
function expectNoLeak(outcome: Outcome, sent: string, world: World): void {
  const text = JSON.stringify(outcome);
  const leaked = world.secrets.filter((secret) => !sent.includes(secret) && text.includes(secret));
  expect(leaked, `Bob's answer contains Alice's data: ${text}`).toEqual([]);
}

// ---- The matrix -----------------------------------------------------------------

type CrossTenantCase = {
  /** Whose ids Bob sends, in a few words. */
  what: string;
  /** The id (or composite value) of Alice's that Bob sends. */
  foreign: (world: World) => string;
  /** A value of the same shape that exists nowhere: the answer must be the same, so Bob cannot even probe. */
  absent?: (world: World) => string;
  call: (id: string, world: World) => Promise<unknown>;
  /** The endpoint's own "not found" answer, matched against the outcome. */
  refusal: Record<string, unknown>;
  /** Checks beyond the database, e.g. the file is still in storage. */
  after?: (world: World) => Promise<void>;
};

type Entry =
  | { cases: CrossTenantCase[] }
  | {
      /** Why no cross-tenant case exists: the endpoint takes no ids that name someone's data. */
      noIds: string;
      /** Where cheap: Bob calls it, Alice's rows stay as they were and every job started is Bob's. */
      proof?: (world: World) => Promise<Outcome>;
      expect?: (outcome: Outcome, world: World) => void | Promise<void>;
    };

const NOT_FOUND_CAMPAIGN = { state: { status: "error", message: "That campaign was not found." } };
const MISSING_CAMPAIGN = { redirect: "/campaigns?missing=1" };
const campaignForm = (extra: Record<string, string>) => (id: string) => form({ campaignId: id, ...extra });

/** One ad as the creatives step posts it (the list travels as JSON in one field). */
const adsJson = (assetId: string) =>
  JSON.stringify([{ assetId, primaryText: "Fresh bread", headline: "Bake day", description: "", callToAction: "SHOP_NOW", link: "https://bakery.example/offer" }]);

const MATRIX: Record<string, Entry> = {
  // ---- app/(app)/actions.ts
  "app/(app)/actions.ts#signOutAction": {
    noIds: "ends the caller's own session; it takes no input at all",
    proof: () => outcomeOf(() => appActions.signOutAction()),
    expect: () => expect(signOut).toHaveBeenLastCalledWith({ redirectTo: "/sign-in" }),
  },

  // ---- app/(app)/brand/actions.ts
  "app/(app)/brand/actions.ts#analyzeBrandAction": {
    noIds: "takes a website address; the brand.analyze run is the caller's and writes the caller's brand",
    proof: () => outcomeOf(() => brand.analyzeBrandAction(idle, form({ url: "https://bakery.example" }))),
    expect: (outcome) => expect(outcome).toMatchObject({ state: { status: "idle", runId: expect.any(String) } }),
  },
  "app/(app)/brand/actions.ts#saveBrandAction": {
    noIds: "the brand kit is one per user, keyed by the session; no id in the form",
    proof: ({ alice }) => outcomeOf(() => brand.saveBrandAction(idle, form({ name: "Bob's Bikes", userId: alice.id }))),
    expect: async (outcome, { bob }) => {
      expect(outcome).toMatchObject({ state: { status: "idle" } });
      expect((await db.select({ name: brandProfiles.name }).from(brandProfiles).where(eq(brandProfiles.userId, bob.id)))[0]?.name).toBe("Bob's Bikes");
    },
  },
  "app/(app)/brand/actions.ts#uploadLogoAction": {
    noIds: "replaces the caller's own logo from the uploaded file; no id in the form",
    proof: ({ alice }) => outcomeOf(async () => brand.uploadLogoAction(idle, form({ userId: alice.id, logo: new File([new Uint8Array(png(7))], "logo.png", { type: "image/png" }) }))),
    expect: (outcome) => expect(outcome).toEqual({ state: { status: "idle" } }),
  },

  // ---- app/(app)/campaigns/actions.ts
  "app/(app)/campaigns/actions.ts#createCampaignAction": {
    cases: [
      {
        what: "Alice's ad account through Alice's connection",
        foreign: ({ a }) => `${a.adAccounts[0]!.adAccountId}|${a.connection}`,
        absent: () => `act_1|${randomUUID()}`,
        call: (account) => campaignActions.createCampaignAction(idle, form({ name: "Stolen", purpose: "lead_generation", account })),
        refusal: { state: { status: "error", fieldErrors: { account: "Choose one of your connected ad accounts." } } },
      },
      {
        what: "Alice's ad account through Bob's own connection",
        foreign: ({ a, b }) => `${a.adAccounts[0]!.adAccountId}|${b.connection}`,
        absent: ({ b }) => `act_1|${b.connection}`,
        call: (account) => campaignActions.createCampaignAction(idle, form({ name: "Stolen", purpose: "lead_generation", account })),
        refusal: { state: { status: "error", fieldErrors: { account: "Choose one of your connected ad accounts." } } },
      },
    ],
  },
  "app/(app)/campaigns/actions.ts#saveStepAction": {
    cases: [
      ...(
        [
          ["purpose", (world: World) => ({ name: "Mine now", purpose: "lead_generation", account: `${world.b.adAccount.adAccountId}|${world.b.connection}`, pageId: "3000000000000001" })],
          ["audience", () => ({ countries: "US", ageMin: "18", ageMax: "65", placements: "facebook_feed" })],
          ["budget", () => ({ kind: "daily", level: "campaign", amount: "999" })],
          ["creatives", (world: World) => ({ ads: adsJson(world.a.assets[0]!) })],
          ["review", () => ({ launchAs: "ACTIVE" })],
        ] as const
      ).map(
        ([step, fields]): CrossTenantCase => ({
          what: `Alice's campaign, ${step} step`,
          foreign: ({ a }) => a.draft,
          call: (id, world) => campaignActions.saveStepAction(idle, form({ campaignId: id, step, ...fields(world) })),
          refusal: NOT_FOUND_CAMPAIGN,
        }),
      ),
      {
        what: "Bob's draft pointed at Alice's ad account and connection",
        foreign: ({ a }) => `${a.adAccounts[0]!.adAccountId}|${a.connection}`,
        absent: () => `act_1|${randomUUID()}`,
        call: (account, { b }) => campaignActions.saveStepAction(idle, form({ campaignId: b.draft, step: "purpose", name: "Bob's own draft", purpose: "lead_generation", account, pageId: "3000000000000001" })),
        refusal: { state: { status: "error", message: "Choose one of your connected ad accounts." } },
      },
      {
        what: "Bob's draft using Alice's library asset",
        foreign: ({ a }) => a.assets[0]!,
        call: (assetId, { b }) => campaignActions.saveStepAction(idle, form({ campaignId: b.draft, step: "creatives", ads: adsJson(assetId) })),
        refusal: { state: { status: "error", message: "A creative you chose isn't in your library any more; choose another." } },
      },
    ],
  },
  "app/(app)/campaigns/actions.ts#recommendAudienceAction": {
    cases: [
      {
        what: "Alice's campaign",
        foreign: ({ a }) => a.draft,
        call: (id) => campaignActions.recommendAudienceAction({ status: "idle" }, form({ campaignId: id, countries: "US", businessDescription: "bread" })),
        refusal: NOT_FOUND_CAMPAIGN,
      },
    ],
  },
  "app/(app)/campaigns/actions.ts#resumeLaunchAction": {
    cases: [{ what: "Alice's failed launch", foreign: ({ a }) => a.draft, call: (id) => campaignActions.resumeLaunchAction(campaignForm({})(id)), refusal: MISSING_CAMPAIGN }],
  },
  "app/(app)/campaigns/actions.ts#changeCampaignAction": {
    cases: (["pause", "resume", "archive"] as const)
      .map((kind): CrossTenantCase => ({ what: `Alice's launched campaign, ${kind}`, foreign: ({ a }) => a.launched, call: (id) => campaignActions.changeCampaignAction(campaignForm({ kind })(id)), refusal: MISSING_CAMPAIGN }))
      .concat({ what: "Alice's launched campaign, new budget", foreign: ({ a }) => a.launched, call: (id) => campaignActions.changeCampaignAction(campaignForm({ kind: "budget", amount: "500" })(id)), refusal: MISSING_CAMPAIGN }),
  },
  "app/(app)/campaigns/actions.ts#duplicateCampaignAction": {
    cases: [
      { what: "Alice's draft", foreign: ({ a }) => a.draft, call: (id) => campaignActions.duplicateCampaignAction(campaignForm({})(id)), refusal: MISSING_CAMPAIGN },
      { what: "Alice's launched campaign", foreign: ({ a }) => a.launched, call: (id) => campaignActions.duplicateCampaignAction(campaignForm({})(id)), refusal: MISSING_CAMPAIGN },
    ],
  },
  "app/(app)/campaigns/actions.ts#generateForCampaignAction": {
    cases: [
      {
        what: "Alice's campaign",
        foreign: ({ a }) => a.draft,
        call: (id) => campaignActions.generateForCampaignAction(idle, form({ campaignId: id, prompt: "steal" })),
        refusal: NOT_FOUND_CAMPAIGN,
      },
    ],
  },

  // ---- app/(app)/dashboard/actions.ts
  "app/(app)/dashboard/actions.ts#syncNowAction": {
    noIds: "syncs the caller's own connected ad accounts; the form only names the page to return to",
    proof: () => outcomeOf(() => dashboard.syncNowAction(form({ returnTo: "/analytics" }))),
    expect: (outcome) => expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/analytics\?sync/) }),
  },
  "app/(app)/dashboard/actions.ts#addDemoHistoryAction": {
    noIds: "adds simulated history to the caller's own sandbox account; it takes no input",
    proof: () => outcomeOf(() => dashboard.addDemoHistoryAction()),
    // Bob has no sandbox connection: Alice's sandbox history is not his to extend.
    expect: (outcome) => expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/dashboard\?syncError=/) }),
  },

  // ---- app/(app)/library/actions.ts
  "app/(app)/library/actions.ts#setTagsAction": {
    cases: [
      {
        what: "Alice's asset",
        foreign: ({ a }) => a.assets[0]!,
        call: (id) => library.setTagsAction(idle, form({ id, tags: "hijacked" })),
        refusal: { state: { status: "error", message: "That asset is not in your library." } },
      },
    ],
  },
  "app/(app)/library/actions.ts#deleteAssetAction": {
    cases: [
      {
        what: "Alice's asset",
        foreign: ({ a }) => a.assets[0]!,
        call: (id) => library.deleteAssetAction(form({ id })),
        refusal: { redirect: `/library?error=${encodeURIComponent("That asset is not in your library.")}` },
        after: async ({ a }) => expect(await storage().get(a.fileKey).then((file) => file?.body.cancel().then(() => true))).toBe(true),
      },
    ],
  },

  // ---- app/(app)/optimizer/actions.ts
  "app/(app)/optimizer/actions.ts#applyRecommendationAction": {
    cases: [{ what: "Alice's open recommendation", foreign: ({ a }) => a.openAdvice, call: (id) => optimizer.applyRecommendationAction(form({ id, returnTo: "/dashboard" })), refusal: { redirect: expect.stringMatching(/^\/dashboard\?error=/) } }],
  },
  "app/(app)/optimizer/actions.ts#rollBackRecommendationAction": {
    cases: [{ what: "Alice's applied recommendation", foreign: ({ a }) => a.appliedAdvice, call: (id) => optimizer.rollBackRecommendationAction(form({ id, returnTo: "/dashboard" })), refusal: { redirect: expect.stringMatching(/^\/dashboard\?error=/) } }],
  },
  "app/(app)/optimizer/actions.ts#dismissRecommendationAction": {
    cases: [{ what: "Alice's open recommendation", foreign: ({ a }) => a.openAdvice, call: (id) => optimizer.dismissRecommendationAction(form({ id, returnTo: "/dashboard" })), refusal: { redirect: expect.stringMatching(/^\/dashboard\?error=/) } }],
  },
  "app/(app)/optimizer/actions.ts#setOptimizerModeAction": {
    cases: (["off", "autopilot"] as const).map(
      (mode): CrossTenantCase => ({
        what: `Alice's campaign, mode ${mode}`,
        foreign: ({ a }) => a.launched,
        call: (campaignId) => optimizer.setOptimizerModeAction(form({ campaignId, mode })),
        refusal: { redirect: `/campaigns?${new URLSearchParams({ error: "That campaign was not found." })}` },
      }),
    ),
  },
  "app/(app)/optimizer/actions.ts#checkRecommendationsAction": {
    noIds: "starts today's optimizer run for the caller (payload and key are the session's user id); it takes no input",
    proof: () => outcomeOf(() => optimizer.checkRecommendationsAction()),
    expect: (outcome) => expect(outcome).toMatchObject({ redirect: expect.stringMatching(/^\/dashboard\?optimizer=/) }),
  },

  // ---- app/(app)/settings/actions.ts
  "app/(app)/settings/actions.ts#connectMetaAction": {
    noIds: "starts Facebook Login with a state signed for the caller; only a `rerequest` flag is read",
    proof: () => outcomeOf(() => settings.connectMetaAction(form({ rerequest: "1" }))),
    expect: async (outcome, { alice, bob }) => {
      const state = new URL((outcome as { redirect: string }).redirect, "http://x").searchParams.get("state");
      // The state Bob was given is useless in Alice's session (and would be refused in the callback).
      expect(await consumeOAuthState(state, alice.id)).toMatchObject({ ok: false, reason: "forged_or_foreign" });
      expect(await consumeOAuthState(state, bob.id)).toEqual({ ok: true });
    },
  },
  "app/(app)/settings/actions.ts#disconnectMetaAction": {
    cases: [{ what: "Alice's connection", foreign: ({ a }) => a.connection, call: (id) => settings.disconnectMetaAction(form({ id })), refusal: { redirect: "/settings?meta=not-found#meta" } }],
  },
  "app/(app)/settings/actions.ts#toggleAdAccountAction": {
    cases: (["0", "1"] as const).map(
      (connected): CrossTenantCase => ({
        what: `Alice's ad account, connected=${connected}`,
        foreign: ({ a }) => a.adAccounts[connected === "0" ? 0 : 1]!.id,
        call: (id) => settings.toggleAdAccountAction(form({ id, connected })),
        refusal: { redirect: "/settings?meta=not-found#meta" },
      }),
    ),
  },
  "app/(app)/settings/actions.ts#setDefaultAdAccountAction": {
    cases: [{ what: "Alice's other ad account", foreign: ({ a }) => a.adAccounts[1]!.id, call: (id) => settings.setDefaultAdAccountAction(form({ id })), refusal: { redirect: "/settings?meta=not-found#meta" } }],
  },
  "app/(app)/settings/actions.ts#setWeeklyReportEmailAction": {
    noIds: "turns the caller's own report email on or off; a user id slipped into the form is ignored",
    proof: ({ alice }) => outcomeOf(() => settings.setWeeklyReportEmailAction(form({ weeklyReportEmail: "on", userId: alice.id }))),
    expect: async (outcome, { bob }) => {
      expect(outcome).toEqual({ redirect: "/settings?report=on#reports" });
      expect((await db.select({ on: users.weeklyReportEmail }).from(users).where(eq(users.id, bob.id)))[0]?.on).toBe(true);
    },
  },

  // ---- app/(app)/settings/activity/actions.ts
  "app/(app)/settings/activity/actions.ts#retryJobRunAction": {
    cases: [{ what: "Alice's failed run", foreign: ({ a }) => a.failedRun, call: (id) => activity.retryJobRunAction(id), refusal: { state: { ok: false, message: "That job was not found." } } }],
  },

  // ---- app/(app)/studio/actions.ts
  "app/(app)/studio/actions.ts#generateAction": {
    noIds: "a new generation from a prompt, counted against and stored in the caller's library; no id in the form",
    proof: () => outcomeOf(() => studio.generateAction(idle, form({ kind: "image", prompt: "Bob's bikes", formats: "1:1", style: "bold", variants: "1" }))),
    expect: (outcome) => expect(outcome).toMatchObject({ state: { status: "idle", runId: expect.any(String) } }),
  },
  "app/(app)/studio/actions.ts#regenerateAction": {
    cases: [{ what: "Alice's generation request", foreign: ({ a }) => a.generationRequest, call: (id) => studio.regenerateAction(form({ id })), refusal: { redirect: "/studio?missing=1" } }],
  },
  "app/(app)/studio/actions.ts#makeVariantsAction": {
    cases: [{ what: "Alice's asset", foreign: ({ a }) => a.assets[0]!, call: (id) => studio.makeVariantsAction(form({ id })), refusal: { redirect: "/studio?missing=1" } }],
  },

  // ---- route handlers
  "app/api/analytics/export/route.ts GET": {
    cases: (["campaigns", "daily"] as const).map(
      (table): CrossTenantCase => ({
        // Someone else's campaign in the filter is a 404, identical to one for an id that exists nowhere.
        what: `Alice's campaign in the ${table} table's filter`,
        foreign: ({ a }) => a.launched,
        call: (id) => exportRoute.GET(request(`/api/analytics/export?table=${table}&campaign=${id}`)),
        refusal: { status: 404 },
      }),
    ),
  },
  "app/api/assets/route.ts POST": {
    noIds: "uploads a file into the caller's own library; the form carries the file and tags only",
    proof: async () => {
      const sharp = (await import("sharp")).default;
      const image = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#08f" } }).png().toBuffer();
      const body = new FormData();
      body.set("file", new File([new Uint8Array(image)], "bob.png", { type: "image/png" }));
      return outcomeOf(() => assetsRoute.POST(request("/api/assets", { method: "POST", body })));
    },
    expect: (outcome) => expect(outcome).toMatchObject({ status: 201 }),
  },
  "app/api/files/[...key]/route.ts GET": {
    cases: [
      {
        what: "Alice's stored creative",
        foreign: ({ a }) => a.fileKey,
        absent: ({ alice }) => `users/${alice.id}/creatives/${randomUUID()}.png`,
        call: (key) => filesRoute.GET(request(`/api/files/${key}`), { params: Promise.resolve({ key: key.split("/") }) }),
        refusal: { status: 404 },
      },
      {
        what: "Alice's stored creative, reached through Bob's own folder with ..",
        foreign: ({ a, bob }) => `users/${bob.id}/../../${a.fileKey}`,
        absent: ({ bob }) => `users/${bob.id}/../../users/${randomUUID()}/creatives/${randomUUID()}.png`,
        call: (key) => filesRoute.GET(request(`/api/files/${key}`), { params: Promise.resolve({ key: key.split("/") }) }),
        refusal: { status: 404 },
      },
    ],
  },
  "app/api/job-runs/[id]/route.ts GET": {
    cases: [{ what: "Alice's run", foreign: ({ a }) => a.failedRun, call: (id) => jobRunsRoute.GET(request(`/api/job-runs/${id}`), { params: Promise.resolve({ id }) }), refusal: { status: 404 } }],
  },
  "app/api/meta/oauth/callback/route.ts GET": {
    cases: [
      {
        what: "the state Alice's Facebook Login carries (a stolen callback URL)",
        foreign: ({ a }) => a.oauthState,
        absent: () => createOAuthState(randomUUID()),
        call: (state) => oauthCallback.GET(request(`/api/meta/oauth/callback?${new URLSearchParams({ code: "stolen-code", state })}`)),
        refusal: { status: 303, location: "http://127.0.0.1:39017/settings?meta=expired#meta" },
        // Bob's attempt must not have used up Alice's state: her own callback still works.
        after: async ({ a, alice }) => expect(await consumeOAuthState(a.oauthState, alice.id)).toEqual({ ok: true }),
      },
    ],
  },
};

/** Endpoints no session owns: who may call them is decided by something other than the signed-in user. */
const PUBLIC_BY_DESIGN: Record<string, string> = {
  "app/(auth)/actions.ts#signInAction": "starts a session from email and password; there is no session or id to check yet",
  "app/(auth)/actions.ts#signUpAction": "creates an account; there is no session or id to check yet",
  "app/api/auth/[...nextauth]/route.ts GET": "Auth.js (session, CSRF token, providers): it establishes who the user is",
  "app/api/auth/[...nextauth]/route.ts POST": "Auth.js (sign-in callbacks, sign-out): it establishes who the user is",
  "app/api/health/route.ts GET": "liveness for the load balancer and Playwright: database and KV reachability, no user data",
  "app/api/metrics/route.ts GET": "operator's Prometheus scrape behind METRICS_TOKEN (404 without it): process counters, no user data",
  "app/api/jobs/[name]/route.ts POST": "the job executor: QStash-signed deliveries only (handle-delivery.test.ts covers bad signatures); runs carry their owner",
  "app/api/meta/data-deletion/route.ts POST": "Meta's data-deletion callback: authorised by Meta's signed_request (HMAC with the app secret), not a session",
  "app/api/meta/deauthorize/route.ts POST": "Meta's deauthorize callback: authorised by Meta's signed_request (HMAC with the app secret), not a session",
  "app/api/sandbox/graph/[scope]/[...path]/route.ts GET": "the sandbox Graph API: the scope is HMAC(AUTH_SECRET, user id) and every call needs a token that sandbox issued",
  "app/api/sandbox/graph/[scope]/[...path]/route.ts POST": "the sandbox Graph API: the scope is HMAC(AUTH_SECRET, user id) and every call needs a token that sandbox issued",
  "app/api/sandbox/graph/[scope]/[...path]/route.ts DELETE": "the sandbox Graph API: the scope is HMAC(AUTH_SECRET, user id) and every call needs a token that sandbox issued",
};

// ---- The tests --------------------------------------------------------------------

describe("tenant isolation matrix", () => {
  it("has a decision for every server action and route handler in app/", () => {
    const found = enumerateEndpoints().map((endpoint) => endpoint.key);
    const decided = new Set([...Object.keys(MATRIX), ...Object.keys(PUBLIC_BY_DESIGN)]);
    const missing = found.filter((key) => !decided.has(key));
    expect(missing, `New endpoints need a cross-tenant entry in MATRIX (or a reason in PUBLIC_BY_DESIGN): ${missing.join(", ")}`).toEqual([]);
    // An entry for something that no longer exists would hide that the matrix drifted.
    const stale = [...decided].filter((key) => !found.includes(key));
    expect(stale, `Entries for endpoints that no longer exist: ${stale.join(", ")}`).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => key in PUBLIC_BY_DESIGN)).toEqual([]);
  });

  let world: World;
  beforeAll(async () => {
    world = await seedWorld();
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    if ("cases" in entry) {
      for (const probe of entry.cases) {
        it(`${key}: Bob with ${probe.what} is refused, changes nothing, learns nothing`, async () => {
          actAs(world.bob);
          const id = probe.foreign(world);
          const watched = [...world.secrets, world.bob.id, world.b.draft, world.b.connection, id];
          const before = await watchedFingerprint(watched);
          const attempt = await outcomeOf(() => probe.call(id, world));
          expect(await watchedFingerprint(watched), "a table changed (a write, a job run, an audit entry) on Alice's id").toEqual(before);
          expect(attempt).toMatchObject(probe.refusal);
          expectNoLeak(attempt, id, world);

          const absent = (probe.absent ?? (() => randomUUID()))(world);
          const control = await outcomeOf(() => probe.call(absent, world));
          const masked = (outcome: Outcome, value: string) => JSON.stringify(outcome).split(value).join("<id>");
          expect(masked(attempt, id), "Alice's id is answered differently from one that does not exist").toBe(masked(control, absent));
          await probe.after?.(world);
        });
      }
    } else {
      it(`${key}: takes no ids (${entry.noIds})`, async () => {
        if (!entry.proof) return;
        actAs(world.bob);
        const alice = await tenantFingerprint(world.alice.id);
        // Bob's own runs only: on PostgreSQL other test files start runs at the same time.
        const bobsRuns = () => db.select({ id: jobRuns.id, payload: jobRuns.payload }).from(jobRuns).where(eq(jobRuns.userId, world.bob.id));
        const runsBefore = new Set((await bobsRuns()).map((run) => run.id));
        const outcome = await entry.proof(world);
        // Alice's job_runs are in her fingerprint: a run started in her name shows there.
        expect(await tenantFingerprint(world.alice.id), "Alice's rows changed when Bob used an action on his own data").toEqual(alice);
        for (const run of (await bobsRuns()).filter((run) => !runsBefore.has(run.id))) {
          const payload = JSON.stringify(run.payload);
          expect(world.secrets.filter((secret) => payload.includes(secret)), `Bob's new run names Alice's data: ${payload}`).toEqual([]);
        }
        expectNoLeak(outcome, "", world);
        await entry.expect?.(outcome, world);
      });
    }
  }

});
