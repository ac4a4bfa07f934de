/**
 * Issue 9: every server action, called by a signed-in user who owns data, with
 * hostile input from fast-check (forms with garbage, huge, unicode and
 * prototype-named fields, other users' ids, anything at all as the previous
 * state, and, as a forged request can send, any value at all where the form
 * goes). An action may answer with form state, whose messages must read as
 * sentences, or end in Next's redirect; anything it throws is a 500 for the
 * user. The list of actions is read from app/, so a new one without an entry
 * below fails the first test by name.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { campaignPurpose, OPTIMIZER_MODES } from "@/db/schema";
import { STYLE_PRESETS } from "@/lib/ai/types";
import { WIZARD_STEPS } from "@/lib/campaigns/drafts";
import { png } from "@/lib/campaigns/launch/test-fixtures";
import { PLACEMENT_IDS } from "@/lib/campaigns/placements";
import { actAs } from "@/tests/support/tenancy";
import { enumerateEndpoints } from "./enumerate";
import { argsText, formArgument, fuzzRuns, hostileValue, messagesIn, notAForm, unclearMessage, watchUnhandledRejections } from "./fuzz";
import { seedWorld, type World } from "./world";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { notFound: true });
  },
}));
// Each sign-in or sign-up attempt comes from its own address, as a botnet's would.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (original) => ({ ...(await original<typeof import("next/headers")>()), headers: async () => request.headers }));
// Auth.js needs a live Next request to set its cookie; signIn here does what the Credentials provider's authorize does.
vi.mock("@/lib/auth/auth", async (original) => {
  const actual = await original<typeof import("@/lib/auth/auth")>();
  const { authenticate } = await import("@/lib/auth/credentials");
  const { clientIp } = await import("@/lib/auth/client-ip");
  const { signInSchema } = await import("@/lib/auth/validation");
  return {
    ...actual,
    signOut: vi.fn(async () => undefined),
    signIn: vi.fn(async (_provider: string, credentials: { email: string; password: string }) => {
      const parsed = signInSchema.safeParse(credentials);
      if (!parsed.success) throw new actual.InvalidCredentials();
      const result = await authenticate(parsed.data, clientIp(request.headers));
      if (result.ok) return "/dashboard";
      if (result.error === "rate_limited") throw new actual.TooManyAttempts(result.retryAfterSeconds);
      throw new actual.InvalidCredentials();
    }),
  };
});

const appActions = await import("@/app/(app)/actions");
const authActions = await import("@/app/(auth)/actions");
const brand = await import("@/app/(app)/brand/actions");
const campaignActions = await import("@/app/(app)/campaigns/actions");
const dashboard = await import("@/app/(app)/dashboard/actions");
const library = await import("@/app/(app)/library/actions");
const optimizer = await import("@/app/(app)/optimizer/actions");
const settings = await import("@/app/(app)/settings/actions");
const activity = await import("@/app/(app)/settings/activity/actions");
const studio = await import("@/app/(app)/studio/actions");

// ---- How an action is called --------------------------------------------------

type Entry = {
  /** The arguments a hostile client sends, built from the signed-in user's world. */
  args: (world: World) => fc.Arbitrary<unknown[]>;
  call: (args: unknown[]) => Promise<unknown>;
  /** Fewer runs for actions whose every call does real work (a job, an image decode). */
  runs?: number;
  /** For actions that take FormData: the same arguments with a forged value in the form's place and nothing else. */
  forged?: (world: World) => fc.Arbitrary<unknown[]>;
};

type Fields = (world: World) => Record<string, fc.Arbitrary<string | File>>;

/** `(previousState, formData)`: actions behind useActionState. */
const stateForm = <S,>(action: (previous: S, form: FormData) => Promise<unknown>, fields: Fields = () => ({}), runs?: number): Entry => ({
  args: (world) => fc.tuple(hostileValue, formArgument(fields(world))),
  call: ([previous, form]) => action(previous as S, form as FormData),
  runs,
  forged: (world) => fc.tuple(hostileValue, notAForm(Object.keys(fields(world)))),
});

/** `(formData)`: actions behind a plain <form action>. */
const formOnly = (action: (form: FormData) => Promise<unknown>, fields: Fields = () => ({}), runs?: number): Entry => ({
  args: (world) => fc.tuple(formArgument(fields(world))),
  call: ([form]) => action(form as FormData),
  runs,
  forged: (world) => fc.tuple(notAForm(Object.keys(fields(world)))),
});

/** Actions without parameters: whatever a client sends is ignored, so a few calls show they hold up. */
const noInput = (action: () => Promise<unknown>): Entry => ({ args: () => fc.array(hostileValue, { maxLength: 2 }), call: () => action(), runs: 5 });

/** Ids a client could send: the signed-in user's own, another user's, ones that exist nowhere. */
function ids(world: World): fc.Arbitrary<string> {
  const known = [
    world.a.connection,
    ...world.a.adAccounts.map((account) => account.id),
    world.a.draft,
    world.a.launched,
    ...world.a.assets,
    world.a.generationRequest,
    world.a.openAdvice,
    world.a.appliedAdvice,
    world.a.failedRun,
    world.b.connection,
    world.b.adAccount.id,
    world.b.draft,
  ];
  return fc.oneof(fc.constantFrom(...known), fc.uuid(), fc.uuid().map((id) => id.toUpperCase()));
}

const account = (world: World) => fc.constantFrom(...world.a.adAccounts.map((row) => `${row.adAccountId}|${world.a.connection}`), `${world.b.adAccount.adAccountId}|${world.b.connection}`, "act_1|", "|");
const adsJson = (assetId: string, link = "https://bakery.example/offer") => JSON.stringify([{ assetId, primaryText: "Fresh bread", headline: "Bake day", description: "", callToAction: "SHOP_NOW", link }]);
const pick = <T extends string>(...values: T[]) => fc.constantFrom(...values);
const logo = fc.constant(new File([new Uint8Array(png(7))], "logo.png", { type: "image/png" }));

const ENTRIES: Record<string, Entry> = {
  "app/(app)/actions.ts#signOutAction": noInput(() => appActions.signOutAction()),

  "app/(auth)/actions.ts#signInAction": stateForm(authActions.signInAction, () => ({
    email: pick("you@business.com", "ALICE@EXAMPLE.TEST ", "a@b", "@", "x@y.z".padStart(300, "x")),
    password: pick("correct horse battery", "x", " ".repeat(11), "p".repeat(2000)),
    callbackUrl: pick("/dashboard", "//evil.example", "https://evil.example", "/\\evil.example", "/campaigns?x=1#y"),
  })),
  "app/(auth)/actions.ts#signUpAction": stateForm(
    authActions.signUpAction,
    () => ({
      name: pick("Sam", "", "n".repeat(500)),
      email: fc.oneof(fc.constant("taken@example.test"), fc.uuid().map((id) => `fuzz-${id}@example.test`)),
      password: pick("correct horse battery", "password123", "aaaaaaaaaaaa", "x".repeat(200), "fuzz-user-pass-1"),
    }),
    15,
  ),

  "app/(app)/brand/actions.ts#analyzeBrandAction": stateForm(brand.analyzeBrandAction, () => ({ url: pick("https://bakery.example", "bakery.example", "http://127.0.0.1:22", "file:///etc/passwd", "https://") }), 15),
  "app/(app)/brand/actions.ts#saveBrandAction": stateForm(brand.saveBrandAction, () => ({
    name: pick("Bakery", ""),
    websiteUrl: pick("https://bakery.example", "not a url"),
    summary: pick("We bake.", ""),
    tone: pick("warm", ""),
    valuePropositions: pick("fresh\nlocal", ""),
    primary: pick("#112233", "#abc", "red", ""),
    secondary: pick("#445566", ""),
    accent: pick("", "#GGGGGG"),
    background: pick("#ffffff", ""),
    text: pick("#000000", ""),
  })),
  "app/(app)/brand/actions.ts#uploadLogoAction": stateForm(brand.uploadLogoAction, () => ({ logo }), 15),

  "app/(app)/campaigns/actions.ts#createCampaignAction": stateForm(campaignActions.createCampaignAction, (world) => ({
    name: pick("Spring sale", ""),
    purpose: fc.constantFrom(...campaignPurpose.enumValues),
    account: account(world),
  })),
  "app/(app)/campaigns/actions.ts#saveStepAction": stateForm(
    campaignActions.saveStepAction,
    (world) => ({
      campaignId: fc.oneof({ weight: 4, arbitrary: fc.constant(world.a.draft) }, fc.constantFrom(world.a.launched, world.b.draft)),
      step: fc.constantFrom(...WIZARD_STEPS),
      name: pick("Spring sale"),
      purpose: fc.constantFrom(...campaignPurpose.enumValues),
      account: account(world),
      pageId: pick("3000000000000001", "page"),
      pixelId: pick("", "4000000000000001"),
      applicationId: pick("", "123456789012345"),
      objectStoreUrl: pick("", "https://apps.apple.com/app/id1"),
      eventId: pick("", "https://www.facebook.com/events/123456789"),
      countries: pick("US", "US,DE", "UK", "EU", "us, de"),
      ageMin: pick("18", "65", "17", "1e309"),
      ageMax: pick("65", "18", "-0"),
      genders: pick("male", "female"),
      placements: fc.constantFrom(...PLACEMENT_IDS),
      advantageAudience: pick("on", ""),
      interests: pick("", "bread,cakes"),
      kind: pick("daily", "lifetime"),
      level: pick("campaign", "adset"),
      amount: pick("25", "25.50", "1,250.50", "0", "99999999999999"),
      startTime: pick("", "2030-01-01T10:00", "yesterday"),
      endTime: pick("", "2030-02-01T10:00"),
      ads: fc.oneof(fc.oneof(fc.constantFrom(...world.a.assets), fc.uuid()).map((id) => adsJson(id)), pick(adsJson(world.a.assets[0]!, "http://x"), "[]", "[1]", "{}")),
      launchAs: pick("ACTIVE", "PAUSED"),
    }),
    30,
  ),
  "app/(app)/campaigns/actions.ts#recommendAudienceAction": stateForm(
    campaignActions.recommendAudienceAction,
    (world) => ({ campaignId: fc.constantFrom(world.a.draft, world.a.launched), countries: pick("US", "US,DE", ""), businessDescription: pick("A bakery in Berlin.", "") }),
    15,
  ),
  "app/(app)/campaigns/actions.ts#resumeLaunchAction": formOnly(campaignActions.resumeLaunchAction, (world) => ({ campaignId: fc.oneof(ids(world), fc.constant(world.a.draft)) }), 15),
  "app/(app)/campaigns/actions.ts#changeCampaignAction": formOnly(
    campaignActions.changeCampaignAction,
    (world) => ({ campaignId: fc.oneof(ids(world), fc.constant(world.a.launched)), kind: pick("pause", "resume", "archive", "budget", "delete"), amount: pick("25", "25.5", "1e309", "-5", "0") }),
    20,
  ),
  "app/(app)/campaigns/actions.ts#duplicateCampaignAction": formOnly(campaignActions.duplicateCampaignAction, (world) => ({ campaignId: ids(world) }), 15),
  "app/(app)/campaigns/actions.ts#generateForCampaignAction": stateForm(
    campaignActions.generateForCampaignAction,
    (world) => ({ campaignId: fc.oneof(ids(world), fc.constant(world.a.draft)), prompt: pick("Fresh bread every morning", "") }),
    15,
  ),

  "app/(app)/dashboard/actions.ts#syncNowAction": formOnly(dashboard.syncNowAction, () => ({ returnTo: pick("/dashboard", "/analytics", "https://evil.example") }), 15),
  "app/(app)/dashboard/actions.ts#addDemoHistoryAction": noInput(() => dashboard.addDemoHistoryAction()),

  "app/(app)/library/actions.ts#setTagsAction": stateForm(library.setTagsAction, (world) => ({ id: ids(world), tags: pick("summer, sale", "", ",,,", "a".repeat(1999)) })),
  "app/(app)/library/actions.ts#deleteAssetAction": formOnly(library.deleteAssetAction, (world) => ({ id: ids(world) }), 15),

  "app/(app)/optimizer/actions.ts#applyRecommendationAction": formOnly(optimizer.applyRecommendationAction, (world) => ({ id: ids(world), returnTo: pick("/dashboard", `/campaigns/${world.a.launched}`, "//evil.example") }), 15),
  "app/(app)/optimizer/actions.ts#rollBackRecommendationAction": formOnly(optimizer.rollBackRecommendationAction, (world) => ({ id: ids(world), returnTo: pick("/dashboard") }), 15),
  "app/(app)/optimizer/actions.ts#dismissRecommendationAction": formOnly(optimizer.dismissRecommendationAction, (world) => ({ id: ids(world), returnTo: pick("/dashboard") }), 15),
  "app/(app)/optimizer/actions.ts#setOptimizerModeAction": formOnly(optimizer.setOptimizerModeAction, (world) => ({ campaignId: fc.oneof(ids(world), fc.constant(world.a.launched)), mode: fc.constantFrom(...OPTIMIZER_MODES) })),
  "app/(app)/optimizer/actions.ts#checkRecommendationsAction": noInput(() => optimizer.checkRecommendationsAction()),

  "app/(app)/settings/actions.ts#connectMetaAction": formOnly(settings.connectMetaAction, () => ({ rerequest: pick("1", "0") }), 10),
  "app/(app)/settings/actions.ts#toggleAdAccountAction": formOnly(settings.toggleAdAccountAction, (world) => ({ id: ids(world), connected: pick("1", "0") })),
  "app/(app)/settings/actions.ts#setDefaultAdAccountAction": formOnly(settings.setDefaultAdAccountAction, (world) => ({ id: ids(world) })),
  "app/(app)/settings/actions.ts#setWeeklyReportEmailAction": formOnly(settings.setWeeklyReportEmailAction, () => ({ weeklyReportEmail: pick("on", "off") })),
  "app/(app)/settings/actions.ts#disconnectMetaAction": formOnly(settings.disconnectMetaAction, (world) => ({ id: ids(world) }), 15),

  "app/(app)/settings/activity/actions.ts#retryJobRunAction": {
    args: (world) => fc.tuple(fc.oneof(ids(world), hostileValue)),
    call: ([runId]) => activity.retryJobRunAction(runId as string),
  },

  "app/(app)/studio/actions.ts#generateAction": stateForm(
    studio.generateAction,
    () => ({
      kind: pick("image", "video", "audio"),
      prompt: pick("Fresh bread on a table", "ab"),
      formats: pick("1:1", "9:16", "4:5", "2:1"),
      style: fc.constantFrom(...STYLE_PRESETS),
      variants: pick("1", "4", "5", "1e309", "-0", "NaN"),
      tags: pick("", "summer, sale"),
      headline: pick("", "Bake day"),
      callToAction: pick("", "Shop now"),
      durationSeconds: pick("6", "8", "7", ""),
      useBrand: pick("on", ""),
    }),
    20,
  ),
  "app/(app)/studio/actions.ts#regenerateAction": formOnly(studio.regenerateAction, (world) => ({ id: fc.oneof(ids(world), fc.constant(world.a.generationRequest)) }), 15),
  "app/(app)/studio/actions.ts#makeVariantsAction": formOnly(studio.makeVariantsAction, (world) => ({ id: fc.oneof(ids(world), fc.constant(world.a.assets[0]!)) }), 15),
};

const DEFAULT_RUNS = 25;
/** Runs per action with a forged non-form argument; cheap, since no such call reaches the database. */
const FORGED_RUNS = 30;

// ---- What an answer must look like -----------------------------------------------

/** Messages a redirect carries to the page it lands on. */
function redirectMessages(url: string): string[] {
  const query = new URL(url, "http://app.invalid").searchParams;
  return ["error", "syncError"].flatMap((name) => query.getAll(name));
}

/** Throws (failing the property) unless the action answered, or redirected, with clear messages. */
async function expectHandled(key: string, call: () => Promise<unknown>, sent: string): Promise<void> {
  let messages: string[];
  try {
    messages = messagesIn(await call());
  } catch (error) {
    if (error && typeof error === "object" && "notFound" in error) return;
    if (!(error && typeof error === "object" && "url" in error && typeof error.url === "string")) {
      throw new Error(`${key} threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`);
    }
    messages = redirectMessages(error.url);
  }
  for (const message of messages) {
    const problem = unclearMessage(message, sent);
    if (problem) throw new Error(`${key} answered with an unclear message (${problem})`);
  }
}

// ---- The tests ----------------------------------------------------------------------

describe("server actions under hostile input", () => {
  it("has a fuzz entry for every server action in app/", () => {
    const found = enumerateEndpoints()
      .filter((endpoint) => endpoint.kind === "action")
      .map((endpoint) => endpoint.key);
    const missing = found.filter((key) => !(key in ENTRIES));
    expect(missing, `New server actions need an entry in ENTRIES: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(ENTRIES).filter((key) => !found.includes(key));
    expect(stale, `Entries for actions that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeAll(() => {
    rejections = watchUnhandledRejections();
  });
  afterAll(() => rejections.stop());

  for (const [key, entry] of Object.entries(ENTRIES)) {
    it(`${key} answers every input without throwing`, async () => {
      // A world of its own for each action, so one action's hourly limits and deletions leave the next untouched.
      const world = await seedWorld();
      await fc.assert(
        fc.asyncProperty(entry.args(world), fc.uuid(), async (args, address) => {
          actAs(world.alice);
          request.headers = new Headers({ "x-forwarded-for": `203.0.113.7, ${address}` });
          await expectHandled(key, () => entry.call(args), argsText(args));
        }),
        fuzzRuns(entry.runs ?? DEFAULT_RUNS),
      );
    });
  }

  // A forged request can send any serializable value where the form goes; these runs send nothing else there.
  for (const [key, entry] of Object.entries(ENTRIES)) {
    if (!entry.forged) continue;
    const forged = entry.forged;
    it(`${key} answers a forged argument that is not a form`, async () => {
      // Only the form's field names come from the world, so one of ids that exist nowhere is enough.
      const world = fakeWorld();
      await fc.assert(
        fc.asyncProperty(forged(world), fc.uuid(), async (args, address) => {
          actAs(world.alice);
          request.headers = new Headers({ "x-forwarded-for": `203.0.113.7, ${address}` });
          await expectHandled(key, () => entry.call(args), argsText(args));
        }),
        fuzzRuns(FORGED_RUNS),
      );
    });
  }

  // The same hostile input with no session: every action must still answer (a sign-in redirect, a message).
  for (const [key, entry] of Object.entries(ENTRIES)) {
    it(`${key} answers a signed-out caller`, async () => {
      actAs(null);
      const world = fakeWorld();
      await fc.assert(
        fc.asyncProperty(entry.args(world), async (args) => expectHandled(key, () => entry.call(args), argsText(args))),
        fuzzRuns(3),
      );
    });
  }

  it("left no promise rejected without a handler", async () => {
    // Rejections surface a tick after the call that caused them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections.stop().map(String)).toEqual([]);
  });
});

/** Ids that exist nowhere, in the shape of a world: enough for the arbitraries of a signed-out caller. */
function fakeWorld(): World {
  const id = () => randomUUID();
  const adAccount = { id: id(), adAccountId: "act_1" } as World["b"]["adAccount"];
  return {
    alice: { id: id(), email: "nobody@example.test", name: null, subscriptionTier: "starter", role: "member" },
    bob: { id: id(), email: "nobody2@example.test", name: null, subscriptionTier: "starter", role: "member" },
    a: { connection: id(), adAccounts: [adAccount], draft: id(), launched: id(), assets: [id()], fileKey: "", generationRequest: id(), openAdvice: id(), appliedAdvice: id(), failedRun: id(), oauthState: "" },
    b: { connection: id(), adAccount, draft: id() },
    secrets: [],
  };
}
