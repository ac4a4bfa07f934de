/**
 * A forged server-action request (React's encodeReply with a Next-Action
 * header) can send any value where an action takes FormData. Each action
 * answers it the way it answers other input it cannot use, and reads nothing
 * from it; fuzz-actions.test.ts throws arbitrary values at the same guard.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { UNREADABLE_FORM_MESSAGE } from "@/lib/forms/form-state";
import { actAs } from "@/tests/support/tenancy";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
}));

const auth = await import("@/app/(auth)/actions");
const brand = await import("@/app/(app)/brand/actions");
const campaigns = await import("@/app/(app)/campaigns/actions");
const dashboard = await import("@/app/(app)/dashboard/actions");
const library = await import("@/app/(app)/library/actions");
const optimizer = await import("@/app/(app)/optimizer/actions");
const settings = await import("@/app/(app)/settings/actions");
const studio = await import("@/app/(app)/studio/actions");

const user = { id: randomUUID(), email: "forger@example.test", name: null, subscriptionTier: "starter", role: "member" } as const;
// A Map answers get() as a form would; the rest have no get() at all.
const FORGED: unknown[] = [{ id: randomUUID(), returnTo: "/dashboard" }, new Map([["id", randomUUID()]]), "id=1", null, undefined, [["id", "1"]]];

type StateAction = (previous: never, form: never) => Promise<unknown>;
type FormAction = (form: never) => Promise<unknown>;

const STATE_ACTIONS: Record<string, StateAction> = {
  signInAction: auth.signInAction,
  signUpAction: auth.signUpAction,
  analyzeBrandAction: brand.analyzeBrandAction,
  saveBrandAction: brand.saveBrandAction,
  uploadLogoAction: brand.uploadLogoAction,
  createCampaignAction: campaigns.createCampaignAction,
  saveStepAction: campaigns.saveStepAction,
  recommendAudienceAction: campaigns.recommendAudienceAction,
  generateForCampaignAction: campaigns.generateForCampaignAction,
  setTagsAction: library.setTagsAction,
  generateAction: studio.generateAction,
};

/** Where each redirecting action sends a forged call: the page and query it uses for other input it cannot use. */
const unreadable = { error: UNREADABLE_FORM_MESSAGE };
const FORM_ACTIONS: Record<string, [FormAction, string, Record<string, string>]> = {
  deleteAssetAction: [library.deleteAssetAction, "/library", unreadable],
  regenerateAction: [studio.regenerateAction, "/studio", unreadable],
  makeVariantsAction: [studio.makeVariantsAction, "/studio", unreadable],
  syncNowAction: [dashboard.syncNowAction, "/dashboard", { syncError: UNREADABLE_FORM_MESSAGE }],
  applyRecommendationAction: [optimizer.applyRecommendationAction, "/dashboard", unreadable],
  rollBackRecommendationAction: [optimizer.rollBackRecommendationAction, "/dashboard", unreadable],
  dismissRecommendationAction: [optimizer.dismissRecommendationAction, "/dashboard", unreadable],
  setOptimizerModeAction: [optimizer.setOptimizerModeAction, "/campaigns", unreadable],
  connectMetaAction: [settings.connectMetaAction, "/settings", { meta: "unreadable" }],
  disconnectMetaAction: [settings.disconnectMetaAction, "/settings", { meta: "unreadable" }],
  toggleAdAccountAction: [settings.toggleAdAccountAction, "/settings", { meta: "unreadable" }],
  setDefaultAdAccountAction: [settings.setDefaultAdAccountAction, "/settings", { meta: "unreadable" }],
  setWeeklyReportEmailAction: [settings.setWeeklyReportEmailAction, "/settings", { report: "invalid" }],
  resumeLaunchAction: [campaigns.resumeLaunchAction, "/campaigns", { missing: "1" }],
  changeCampaignAction: [campaigns.changeCampaignAction, "/campaigns", { missing: "1" }],
  duplicateCampaignAction: [campaigns.duplicateCampaignAction, "/campaigns", { missing: "1" }],
};

/** The page and query of the redirect a call ended in. */
async function redirectOf(call: Promise<unknown>): Promise<{ path: string; query: Record<string, string> }> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error && typeof error === "object" && "url" in error)) throw new Error(`expected a redirect, got ${String(error)}`);
  const url = new URL(String(error.url), "http://app.invalid");
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

describe("server actions called with something other than a form", () => {
  for (const [name, action] of Object.entries(STATE_ACTIONS)) {
    it(`${name} answers with the unreadable-form message`, async () => {
      actAs(user);
      for (const forged of FORGED) {
        await expect(action({ status: "idle" } as never, forged as never)).resolves.toEqual({ status: "error", message: UNREADABLE_FORM_MESSAGE });
      }
    });
  }

  for (const [name, [action, path, query]] of Object.entries(FORM_ACTIONS)) {
    it(`${name} goes back to ${path} with its usual answer for unusable input`, async () => {
      actAs(user);
      for (const forged of FORGED) expect(await redirectOf(action(forged as never))).toEqual({ path, query });
    });
  }

  it("still asks a signed-out caller to sign in first where the session comes first", async () => {
    actAs(null);
    expect(await brand.saveBrandAction({ status: "idle" }, null as never)).toMatchObject({ message: "Your session has ended. Sign in again to continue." });
    expect(await redirectOf(library.deleteAssetAction(null as never))).toEqual({ path: "/sign-in", query: { callbackUrl: "/library" } });
  });
});
