import "server-only";
import type { StrategyRecommendation, StrategyRequest } from "../../types";
import { describeAudience } from "./audience";
import { detectCategory } from "./business-category";
import { capitalize, containsPhrase } from "./words";

const MAX_INTERESTS = 6;

/** Meta's special ad categories (housing, employment, credit and financial services, politics): no age, gender or interest targeting. */
const SPECIAL_AD_CUES = [
  "mortgage",
  "mortgages",
  "loan",
  "loans",
  "credit card",
  "credit cards",
  "lending",
  "insurance",
  "homes for sale",
  "for rent",
  "apartments",
  "real estate",
  "realtor",
  "estate agent",
  "letting agent",
  "we're hiring",
  "we are hiring",
  "job openings",
  "recruitment",
  "recruiting",
  "vacancies",
  "election",
  "political",
  "vote for",
];

/** Placement ids as lib/ai/google/strategy-prompt.ts lists them; feeds, Stories and Reels suit every purpose. */
const FEEDS = ["facebook_feed", "instagram_feed"];
const STORIES_AND_REELS = ["instagram_stories", "instagram_reels", "facebook_stories", "facebook_reels"];

/** Interests that follow from who the audience is, whatever the business. */
const AUDIENCE_INTERESTS: Record<string, string[]> = {
  "small-business": ["Small business owners", "Entrepreneurship"],
  developers: ["Software development", "Computer programming"],
  families: ["Parenting", "Family"],
  "pet-owners": ["Pets", "Dogs"],
  students: ["Higher education", "Student life"],
  homeowners: ["Home improvement", "Homeowners"],
  couples: ["Weddings", "Engagement"],
  fitness: ["Physical fitness", "Gym"],
  travellers: ["Travel", "Vacations"],
  seniors: ["Retirement", "Grandchildren"],
  foodies: ["Foodies", "Restaurants"],
  local: ["Local events", "Shopping"],
};

/** Purpose-specific advice for the reasoning's last sentence. */
const WATCH: Record<string, string> = {
  lead_generation: "In the first week, watch the cost per lead and the quality of the first enquiries before raising the budget.",
  sales: "In the first week, watch the cost per purchase and let Meta's learning phase finish before changing the ads.",
  brand_awareness: "In the first week, watch reach and frequency; past about three views per person, refresh the creative.",
  app_installs: "In the first week, watch the cost per install and how many new users open the app a second time.",
  event_promotion: "Start at least two weeks before the event and watch the cost per booking as the date gets closer.",
  store_visits: "Keep the radius around the shop tight and check whether footfall rises on the days the ads run.",
  retargeting: "Keep the budget small, as the audience is small, and refresh the creative once frequency passes three.",
};

function genders(audience: string): Array<"male" | "female"> {
  const women = /\b(women|woman|ladies|female|mums|moms|brides?)\b/i.test(audience);
  const men = /\b(men|male|gentlemen|dads|grooms?)\b/i.test(audience);
  // Only a clearly one-sided audience narrows; "men and women" or neither means everyone.
  if (women && !men && !/everyone|unisex|all genders/i.test(audience)) return ["female"];
  if (men && !women && !/everyone|unisex|all genders/i.test(audience)) return ["male"];
  return [];
}

/**
 * Targeting by rules: ages from the kind of business and the purpose, genders
 * only when the audience is clearly one, interests from the category and the
 * audience, Advantage+ audience on except for retargeting, and a plain-words
 * reason a marketer can check.
 */
export function recommendStrategyOffline(request: StrategyRequest): StrategyRecommendation {
  const { brand, purpose } = request;
  const about = [brand?.name, request.businessDescription, brand?.audience, ...(brand?.valuePropositions ?? []), ...(brand?.wordsToUse ?? [])]
    .filter(Boolean)
    .join(". ");
  const category = detectCategory(about);
  const audienceText = brand?.audience ?? request.businessDescription ?? "";
  const audience = describeAudience(`${audienceText} ${request.businessDescription ?? ""}`, category, brand?.name);
  const who = brand?.audience?.trim() || (audience.ids.length > 0 ? audience.phrase : undefined);
  const where = request.country ? ` in ${request.country}` : "";

  if (SPECIAL_AD_CUES.some((cue) => containsPhrase(about, cue))) {
    return {
      ageMin: 18,
      ageMax: 65,
      genders: [],
      interests: [],
      placements: [...FEEDS, ...STORIES_AND_REELS],
      advantageAudience: true,
      reasoning: `This looks like housing, employment, credit or financial services, which Meta treats as a special ad category: ads must reach everyone aged 18 and over, without gender or interest targeting. Broad delivery${where} with Advantage+ audience lets Meta find the people most likely to respond. ${WATCH[purpose] ?? WATCH.brand_awareness}`,
    };
  }

  let [ageMin, ageMax] = category?.ages ?? [18, 65];
  if (audience.ids.includes("students")) [ageMin, ageMax] = [18, 34];
  if (audience.ids.includes("seniors")) [ageMin, ageMax] = [50, 65];
  if (audience.ids.includes("families")) [ageMin, ageMax] = [Math.max(ageMin, 25), Math.min(ageMax, 54)];
  // Awareness and retargeting gain from reach; installs skew younger on Meta.
  if (purpose === "brand_awareness" || purpose === "retargeting") [ageMin, ageMax] = [18, 65];
  if (purpose === "app_installs") ageMax = Math.min(ageMax, 54);

  const retargeting = purpose === "retargeting";
  const interests = retargeting
    ? []
    : [
        ...new Set([
          ...(category?.interests.slice(0, 3) ?? []),
          ...audience.ids.flatMap((id) => AUDIENCE_INTERESTS[id] ?? []),
          // Without a known category, the brand's own words are the best guess at what people search for.
          ...(category ? [] : (brand?.wordsToUse ?? []).slice(0, 2).map(capitalize)),
        ]),
      ].slice(0, MAX_INTERESTS);

  const audienceSentence = who
    ? `Your audience is ${who.charAt(0).toLowerCase()}${who.slice(1).replace(/[.]$/, "")}, so the ads go to people aged ${ageMin} to ${ageMax === 65 ? "65+" : ageMax}${where}.`
    : `The ads go to people aged ${ageMin} to ${ageMax === 65 ? "65+" : ageMax}${where}${category ? `, the usual buyers of ${category.label}` : ""}.`;
  const targetingSentence = retargeting
    ? "Retargeting reaches people who already know you (site visitors, past customers), so Advantage+ audience is off and no interests narrow it further."
    : interests.length > 0
      ? `Interests such as ${interests.slice(0, 3).join(", ")} are suggestions; Advantage+ audience lets Meta look beyond them when it finds better buyers.`
      : "No interests are set: Advantage+ audience lets Meta learn who responds to the ad and find more people like them.";

  return {
    ageMin,
    ageMax,
    genders: genders(audienceText),
    interests,
    placements: [...FEEDS, ...STORIES_AND_REELS],
    advantageAudience: !retargeting,
    reasoning: `${audienceSentence} ${targetingSentence} ${WATCH[purpose] ?? WATCH.brand_awareness}`,
  };
}
