import "server-only";
import type { CampaignPurpose, PromotedSetup } from "@/db/schema";
import { withMetaConnection } from "@/lib/meta/with-connection";
import { findOwnedAdAccount } from "./ad-account-access";
import { readAccountSetup, type AccountSetup, type NamedObject } from "./meta-account-setup";
import { describeMetaFailure } from "./meta-failure";
import { eventIdFrom, isAppStoreUrl, isGraphId } from "./promoted-ids";
import { PURPOSES, type PurposeRequirement } from "./purposes";

export type PreflightInput = {
  metaAccountId?: string | null;
  adAccountId: string;
  purpose: CampaignPurpose;
  promoted: PromotedSetup;
  /** Chosen audiences, once the audience step has them; undefined = not chosen yet. */
  customAudienceIds?: string[];
  excludedAudienceIds?: string[];
};

export type PreflightRequirement = "connection" | "ad_account" | PurposeRequirement | "place_page_set" | "audiences";

/** One line of the checklist: what is needed, whether it is there, and what to do if not. */
export type PreflightCheck = { requirement: PreflightRequirement; ok: boolean; message: string; fix: string | null };

export type PreflightResult =
  | { found: false }
  | {
      found: true;
      ready: boolean;
      checks: PreflightCheck[];
      /** What Meta offers for the pickers (Pages, pixels, audiences); null when Meta could not be read. */
      setup: AccountSetup | null;
    };

const ok = (requirement: PreflightRequirement, message: string): PreflightCheck => ({ requirement, ok: true, message, fix: null });
const missing = (requirement: PreflightRequirement, message: string, fix: string): PreflightCheck => ({ requirement, ok: false, message, fix });

const names = (objects: NamedObject[]) => objects.map((object) => object.name).join(", ");

/** Meta's account_status codes, as the marketer needs to hear them. */
function adAccountCheck(account: AccountSetup["account"]): PreflightCheck {
  switch (account.accountStatus) {
    case 1:
      return ok("ad_account", `${account.name} is active.`);
    case 9:
      return ok("ad_account", `${account.name} can run ads, but Meta is waiting for a payment: update your payment method in Meta's Billing settings soon.`);
    case 2:
      return missing("ad_account", "Meta has disabled this ad account.", "Open Account Quality in Meta Business Suite to see why, and request a review there.");
    case 3:
      return missing("ad_account", "This ad account has an unpaid balance.", "Pay the outstanding balance in Meta's Billing settings, then come back.");
    case 7:
      return missing("ad_account", "Meta is reviewing this ad account.", "Wait for Meta's review to finish (usually within a day), then come back.");
    case 8:
      return missing("ad_account", "A payment on this ad account is still being processed.", "Wait for the payment to clear in Meta's Billing settings, then come back.");
    default:
      return missing("ad_account", "This ad account is closed or closing.", "Choose another ad account, or reopen this one in Meta Business Suite.");
  }
}

function pageCheck(setup: AccountSetup, pageId: string | undefined): PreflightCheck {
  if (setup.pages.length === 0) {
    return missing("page", "Your Meta login doesn't manage any Facebook Page, and every ad runs from a Page.", "Create a Facebook Page (or ask its admin to add you), then reconnect Meta in Settings.");
  }
  if (!pageId) return missing("page", "Choose the Facebook Page these ads run from.", `Pick one of your Pages: ${names(setup.pages)}.`);
  const page = setup.pages.find((candidate) => candidate.id === pageId);
  if (!page) {
    return missing("page", "The Page you chose isn't one your Meta login can advertise for.", `Pick one of your Pages (${names(setup.pages)}), or ask that Page's admin to add you and reconnect Meta.`);
  }
  return ok("page", `Ads run from ${page.name}.`);
}

function pixelCheck(setup: AccountSetup, pixelId: string | undefined): PreflightCheck {
  if (setup.pixels.length === 0) {
    return missing("pixel", "This ad account has no Meta Pixel, which a sales campaign needs to see purchases.", "Create a Meta Pixel in Events Manager and install it on your site, then come back.");
  }
  if (!pixelId) return missing("pixel", "Choose the Meta Pixel installed on your website.", `Pick one of this account's pixels: ${names(setup.pixels)}.`);
  const pixel = setup.pixels.find((candidate) => candidate.id === pixelId);
  if (!pixel) {
    return missing("pixel", "The pixel you chose isn't on this ad account.", `Pick one of this account's pixels (${names(setup.pixels)}), or share yours with this ad account in Business Settings.`);
  }
  return ok("pixel", `Purchases are measured by ${pixel.name}.`);
}

function appCheck(promoted: PromotedSetup): PreflightCheck {
  if (!promoted.applicationId) {
    return missing("app", "App install campaigns need your app's Meta App ID.", "Find it on developers.facebook.com under your app's Settings → Basic, and enter it here.");
  }
  if (!isGraphId(promoted.applicationId)) return missing("app", "The App ID should be a number, like 123456789012345.", "Copy the App ID from your app's Settings → Basic page on developers.facebook.com.");
  if (!promoted.objectStoreUrl) return missing("app", "Add the link to your app on the App Store or Google Play.", "Open your app's store page and copy its address.");
  if (!isAppStoreUrl(promoted.objectStoreUrl)) {
    return missing(
      "app",
      "The store link must be your app's page on apps.apple.com or play.google.com.",
      "Use a link like https://apps.apple.com/app/id123456789 or https://play.google.com/store/apps/details?id=com.example.app.",
    );
  }
  return ok("app", "The app and its store page are set.");
}

function eventCheck(promoted: PromotedSetup): PreflightCheck {
  const eventId = promoted.eventId ? eventIdFrom(promoted.eventId) : undefined;
  if (!eventId) return missing("event", "Choose the Facebook event to promote.", "Create the event on your Page first, then paste its link (facebook.com/events/…) here.");
  if (!isGraphId(eventId)) return missing("event", "That doesn't look like a Facebook event.", "Paste the event's link, like https://www.facebook.com/events/123456789, or the number at its end.");
  return ok("event", "The event is set.");
}

function audienceChecks(setup: AccountSetup, input: PreflightInput, required: boolean): PreflightCheck[] {
  const known = new Set(setup.customAudiences.map((audience) => audience.id));
  const chosen = [...(input.customAudienceIds ?? []), ...(input.excludedAudienceIds ?? [])];
  const unknown = chosen.filter((id) => !known.has(id));
  const checks: PreflightCheck[] = [];
  if (required) {
    if (setup.customAudiences.length === 0) {
      checks.push(
        missing(
          "custom_audience",
          "This ad account has no custom audiences, and retargeting only shows ads to people in one.",
          "Create a custom audience (for example, website visitors from your pixel) under Audiences in Meta Ads Manager, then come back. New audiences take a few hours to fill.",
        ),
      );
    } else if (input.customAudienceIds && input.customAudienceIds.length === 0) {
      checks.push(missing("custom_audience", "Choose who to win back: at least one custom audience.", `Pick one of this account's audiences: ${names(setup.customAudiences)}.`));
    } else {
      checks.push(ok("custom_audience", `${setup.customAudiences.length === 1 ? "One custom audience is" : `${setup.customAudiences.length} custom audiences are`} available to retarget.`));
    }
  }
  if (unknown.length > 0) {
    checks.push(missing("audiences", "Some audiences you chose aren't on this ad account any more.", "Remove them in the audience step, or pick from this account's audiences."));
  }
  return checks;
}

/** Problems readable without asking Meta: the ids the marketer typed. */
function localChecks(input: PreflightInput): PreflightCheck[] {
  const spec = PURPOSES[input.purpose];
  const checks: PreflightCheck[] = [];
  if (spec.requires.includes("app")) checks.push(appCheck(input.promoted));
  if (spec.requires.includes("event")) checks.push(eventCheck(input.promoted));
  const placeSet = input.promoted.placePageSetId;
  if (spec.optional.includes("placePageSetId") && placeSet && !isGraphId(placeSet)) {
    checks.push(missing("place_page_set", "The store locations set should be a number.", "Copy the locations set's ID from Business Settings → Store locations, or leave it empty."));
  }
  return checks;
}

/**
 * Everything Meta needs before this purpose can launch on this ad account,
 * read live through the user's connection: the account's state, the Pages the
 * user can promote, the account's pixels and custom audiences, plus the app,
 * event and place ids typed in. An ad account that is not the user's (or not
 * switched on) is "not found", and Meta is never asked about it.
 */
export async function preflightChecks(userId: string, input: PreflightInput): Promise<PreflightResult> {
  const adAccount = await findOwnedAdAccount(userId, { adAccountId: input.adAccountId, metaAccountId: input.metaAccountId });
  if (!adAccount) return { found: false };
  const spec = PURPOSES[input.purpose];

  let setup: AccountSetup;
  try {
    setup = await withMetaConnection(adAccount.metaAccountId, { adAccountId: adAccount.adAccountId }, (api, connection) =>
      readAccountSetup(api, connection, adAccount.adAccountId),
    );
  } catch (error) {
    // Meta could not be read: one failing line that says why, plus what can be checked here.
    const failure = describeMetaFailure(error);
    if (!failure) throw error;
    return { found: true, ready: false, checks: [missing("connection", failure.message, failure.fix), ...localChecks(input)], setup: null };
  }

  const checks: PreflightCheck[] = [adAccountCheck(setup.account), pageCheck(setup, input.promoted.pageId)];
  if (spec.requires.includes("pixel")) checks.push(pixelCheck(setup, input.promoted.pixelId));
  checks.push(...localChecks(input));
  checks.push(...audienceChecks(setup, input, spec.requires.includes("custom_audience")));
  return { found: true, ready: checks.every((check) => check.ok), checks, setup };
}
