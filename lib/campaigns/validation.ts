import "server-only";
import { z } from "zod";
import { campaignPurpose, type CampaignAudience, type CampaignPurpose, type PromotedSetup } from "@/db/schema";
import type { CallToAction } from "@/lib/ai/types";
import { CTA_LABELS } from "@/lib/creatives/call-to-action";
import { formatMoney, fromDecimalString, minorUnitDigits } from "@/lib/money";
import { budgetProblems } from "./budget-rules";
import { checkbox, dateTime, json, list, optionalText } from "./form-fields";
import { PLACEMENT_IDS } from "./placements";
import { eventIdFrom, isAppStoreUrl, isGraphId } from "./promoted-ids";
import { PURPOSES } from "./purposes";

/** What Meta shows without cutting (recommended), and what it accepts at all (hard). */
export const COPY_LIMITS = {
  primaryText: { recommended: 125, hard: 2200 },
  headline: { recommended: 40, hard: 255 },
  description: { recommended: 30, hard: 255 },
} as const;

/** Enough for an A/B test without spreading a small budget thin. */
export const MAX_ADS = 10;

const CALL_TO_ACTIONS = Object.keys(CTA_LABELS) as [CallToAction, ...CallToAction[]];

/** Region codes that are not countries Meta targets; "UK" is accepted as the common name for GB. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ"]);
const regions = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== undefined;
}

const graphId = (message: string) => z.string().regex(/^\d{1,20}$/, message);

// ---- Starting a draft -------------------------------------------------------

export const newDraftSchema = z.object({
  name: z.string({ error: "Give the campaign a name." }).trim().min(1, "Give the campaign a name.").max(255, "Keep the name under 255 characters."),
  purpose: z.enum(campaignPurpose.enumValues, { error: "Choose what the campaign should achieve." }),
  adAccountId: z.string({ error: "Choose an ad account." }).trim().regex(/^act_\d+$/, "Choose an ad account."),
  metaAccountId: optionalText(z.uuid("Choose an ad account.")),
});
export type NewDraftInput = z.infer<typeof newDraftSchema>;

// ---- Purpose step -----------------------------------------------------------

export const purposeStepSchema = newDraftSchema
  .extend({
    pageId: optionalText(graphId("Choose one of your Facebook Pages.")),
    pixelId: optionalText(graphId("Choose one of this account's pixels.")),
    applicationId: optionalText(graphId("The App ID is a number, like 123456789012345.")),
    objectStoreUrl: optionalText(z.string()),
    eventId: optionalText(z.string().transform(eventIdFrom)),
    placePageSetId: optionalText(graphId("The store locations set is a number; copy it from Business Settings, or leave it empty.")),
  })
  .superRefine((value, context) => {
    // Zod runs object refinements even after a field failed; only a known purpose has requirements to check.
    if (!Object.hasOwn(PURPOSES, value.purpose)) return;
    const needs = PURPOSES[value.purpose].requires;
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (!value.pageId) issue("pageId", "Choose the Facebook Page these ads run from.");
    if (needs.includes("pixel") && !value.pixelId) issue("pixelId", "Choose the Meta Pixel on your website; sales campaigns need it to see purchases.");
    if (needs.includes("app")) {
      if (!value.applicationId) issue("applicationId", "Enter your app's Meta App ID.");
      if (!isAppStoreUrl(value.objectStoreUrl)) {
        issue("objectStoreUrl", "Enter your app's App Store (apps.apple.com) or Google Play (play.google.com) link.");
      }
    }
    if (needs.includes("event") && !isGraphId(value.eventId)) issue("eventId", "Paste the link of your Facebook event, like https://www.facebook.com/events/123456789.");
  })
  .transform((value) => {
    const needs = PURPOSES[value.purpose].requires;
    // Only what this purpose uses is kept, so switching purpose leaves nothing stale behind.
    const promoted: PromotedSetup = { pageId: value.pageId };
    if (needs.includes("pixel")) promoted.pixelId = value.pixelId;
    if (needs.includes("app")) Object.assign(promoted, { applicationId: value.applicationId, objectStoreUrl: value.objectStoreUrl });
    if (needs.includes("event")) promoted.eventId = value.eventId;
    if (PURPOSES[value.purpose].optional.includes("placePageSetId") && value.placePageSetId) promoted.placePageSetId = value.placePageSetId;
    return { name: value.name, purpose: value.purpose, adAccountId: value.adAccountId, metaAccountId: value.metaAccountId, promoted };
  });
export type PurposeStepInput = z.output<typeof purposeStepSchema>;

// ---- Audience step ----------------------------------------------------------

const age = (which: string) =>
  z.coerce
    .number({ error: `Enter the ${which} age.` })
    .int(`Enter the ${which} age as a whole number.`)
    .min(18, "Ads can reach people from 18.")
    .max(65, "65 is the top of Meta's range and means 65 and over.");

export function audienceStepSchema(purpose: CampaignPurpose) {
  return z
    .object({
      countries: list(
        z
          .string()
          .trim()
          .toUpperCase()
          .transform((code) => (code === "UK" ? "GB" : code))
          .refine(isCountryCode, "Use two-letter country codes, like US or DE."),
      )
        .pipe(z.array(z.string()).min(1, "Choose at least one country.").max(25, "Choose at most 25 countries."))
        .transform((codes) => [...new Set(codes)]),
      ageMin: age("youngest"),
      ageMax: age("oldest"),
      genders: list(z.enum(["male", "female"], { error: "Choose men, women or both." })).transform((genders) =>
        // Both genders is everyone, which Meta expresses as no gender targeting.
        new Set(genders).size === 2 ? [] : [...new Set(genders)],
      ),
      placements: list(z.enum(PLACEMENT_IDS, { error: "Choose placements from the list." })).transform((placements) => [...new Set(placements)]),
      customAudienceIds: list(graphId("Choose audiences from the list.")).transform((ids) => [...new Set(ids)]),
      excludedAudienceIds: list(graphId("Choose audiences from the list.")).transform((ids) => [...new Set(ids)]),
      advantageAudience: checkbox,
      interests: list(z.string().trim().min(1).max(100, "Keep each interest under 100 characters.")).pipe(z.array(z.string()).max(25, "Use at most 25 interests.")),
    })
    .superRefine((value, context) => {
      const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
      if (value.ageMin > value.ageMax) issue("ageMax", "The oldest age must be at least the youngest age.");
      if (value.customAudienceIds.some((id) => value.excludedAudienceIds.includes(id))) {
        issue("excludedAudienceIds", "An audience can't be both included and excluded.");
      }
      if (purpose === "retargeting") {
        if (value.customAudienceIds.length === 0) issue("customAudienceIds", "Choose at least one custom audience to win back, like your website visitors.");
        // Advantage+ audience treats audiences as suggestions and would show the ads to strangers.
        if (value.advantageAudience) issue("advantageAudience", "Switch Advantage+ audience off for retargeting, so the ads stay with people who already know you.");
      }
    })
    .transform(
      (value): CampaignAudience => ({
        countries: value.countries,
        ageMin: value.ageMin,
        ageMax: value.ageMax,
        genders: value.genders,
        placements: value.placements,
        customAudienceIds: value.customAudienceIds,
        excludedAudienceIds: value.excludedAudienceIds,
        advantageAudience: value.advantageAudience,
        ...(value.interests.length > 0 ? { interests: value.interests } : {}),
      }),
    );
}
export type AudienceStepInput = CampaignAudience;

// ---- Budget step ------------------------------------------------------------

/** Minor units at most this large fit the DECIMAL(12,2) columns in every currency. */
const MAX_AMOUNT_MINOR = 9_999_999_999;

/** "$1,250.50", "20", "20.5" → minor units; null with the reason when it is not an amount. */
function parseAmount(text: string, currency: string): { minor: number } | { error: string } {
  const cleaned = text.replace(/^[^\d.,-]+/, "").replace(/\s/g, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) return parseAmount(cleaned.replaceAll(",", ""), currency);
  if (cleaned.includes(",")) return { error: "Use a dot for cents, like 20.50." };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return { error: "Enter the budget as a number, like 20 or 20.50." };
  try {
    return { minor: fromDecimalString(cleaned, currency) };
  } catch {
    return { error: minorUnitDigits(currency) === 0 ? `${currency} budgets are whole amounts, with no cents.` : "Use at most two decimals, like 20.50." };
  }
}

export function budgetStepSchema(currency: string, now = new Date()) {
  return z
    .object({
      kind: z.enum(["daily", "lifetime"], { error: "Choose a daily or a lifetime budget." }),
      amount: z
        .string({ error: "Enter a budget." })
        .trim()
        .min(1, "Enter a budget.")
        .transform((text, context) => {
          const parsed = parseAmount(text, currency);
          if ("error" in parsed) {
            context.addIssue({ code: "custom", message: parsed.error });
            return z.NEVER;
          }
          if (parsed.minor > MAX_AMOUNT_MINOR) {
            context.addIssue({ code: "custom", message: `Keep the budget under ${formatMoney(MAX_AMOUNT_MINOR, currency)}.` });
            return z.NEVER;
          }
          return parsed.minor;
        }),
      level: z.enum(["campaign", "adset"], { error: "Choose where the budget is set." }).default("campaign"),
      startTime: dateTime("Pick a start date and time."),
      endTime: dateTime("Pick an end date and time."),
    })
    .superRefine((value, context) => {
      // Zod runs object refinements even after a field failed; the rules need a parsed amount and dates.
      const parsed = typeof value.amount === "number" && [value.startTime, value.endTime].every((date) => date === undefined || date instanceof Date);
      if (!parsed) return;
      for (const problem of budgetProblems({ ...value, currency }, now)) {
        context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
      }
    })
    .transform((value) => ({
      kind: value.kind,
      amount: value.amount,
      currency,
      level: value.level,
      startTime: value.startTime?.toISOString(),
      endTime: value.endTime?.toISOString(),
    }));
}
export type BudgetStepInput = z.output<ReturnType<typeof budgetStepSchema>>;

// ---- Creatives step ---------------------------------------------------------

const httpsUrl = z
  .string({ error: "Add the web address the ad links to." })
  .trim()
  .min(1, "Add the web address the ad links to.")
  .max(2000, "That web address is too long.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "Use a full web address starting with https://, like https://yourshop.com/offer.");

export const adInputSchema = z.object({
  assetId: z.uuid("Choose a creative from your library."),
  primaryText: z
    .string({ error: "Write the text shown above the ad." })
    .trim()
    .min(1, "Write the text shown above the ad.")
    .max(COPY_LIMITS.primaryText.hard, "Primary text can be at most 2,200 characters."),
  headline: z.string({ error: "Write a headline." }).trim().min(1, "Write a headline.").max(COPY_LIMITS.headline.hard, "Headlines can be at most 255 characters."),
  description: z.string().trim().max(COPY_LIMITS.description.hard, "Descriptions can be at most 255 characters.").default(""),
  callToAction: z.enum(CALL_TO_ACTIONS, { error: "Choose the button the ad shows." }),
  link: httpsUrl,
});
export type AdInput = z.output<typeof adInputSchema>;

export const creativesStepSchema = z.object({
  ads: json(z.array(adInputSchema, { error: "Add at least one ad." }).min(1, "Add at least one ad.").max(MAX_ADS, `Use at most ${MAX_ADS} ads in one campaign.`)),
});
export type CreativesStepInput = z.output<typeof creativesStepSchema>;

/** Advice, not errors: text over what Meta shows uncut on mobile. */
export function copyAdvice(ad: Pick<AdInput, "primaryText" | "headline" | "description">): Array<{ field: "primaryText" | "headline" | "description"; message: string }> {
  const advice: Array<{ field: "primaryText" | "headline" | "description"; message: string }> = [];
  if (ad.primaryText.length > COPY_LIMITS.primaryText.recommended) {
    advice.push({ field: "primaryText", message: "Meta shows about 125 characters before “See more”; put the offer first." });
  }
  if (ad.headline.length > COPY_LIMITS.headline.recommended) advice.push({ field: "headline", message: "Headlines over 40 characters are cut off on most phones." });
  if (ad.description.length > COPY_LIMITS.description.recommended) {
    advice.push({ field: "description", message: "Descriptions over 30 characters are cut off, and some placements don't show them at all." });
  }
  return advice;
}

// ---- Launch step ------------------------------------------------------------

export const launchStepSchema = z.object({
  launchAs: z.enum(["ACTIVE", "PAUSED"], { error: "Choose whether the ads start right away or paused." }),
});
export type LaunchStepInput = z.output<typeof launchStepSchema>;
