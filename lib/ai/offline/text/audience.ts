import "server-only";
import type { BusinessCategory } from "./business-category";
import { words } from "./words";

type AudienceRule = { id: string; phrase: string; cues: string[] };

/** Who a page speaks to, recognised by the words it uses for them. Order breaks ties. */
const RULES: AudienceRule[] = [
  { id: "small-business", phrase: "small business owners", cues: ["small business", "small businesses", "freelancers", "freelancer", "entrepreneurs", "startups", "sole traders", "agencies", "smb", "founders"] },
  { id: "developers", phrase: "developers", cues: ["developers", "developer", "api", "sdk", "engineers", "engineering teams", "open source", "github", "webhooks"] },
  { id: "families", phrase: "families with children", cues: ["families", "family", "kids", "children", "parents", "mums", "moms", "dads", "toddlers", "little ones"] },
  { id: "pet-owners", phrase: "pet owners", cues: ["pet owners", "pets", "dog", "dogs", "cat", "cats", "puppy", "puppies", "kitten", "fur babies"] },
  { id: "women", phrase: "women", cues: ["women", "woman", "ladies", "womenswear", "bridal", "maternity", "mums-to-be"] },
  { id: "men", phrase: "men", cues: ["men", "men's", "gentlemen", "beard", "barber", "groomsmen"] },
  { id: "students", phrase: "students", cues: ["students", "student", "university", "college", "campus", "exams"] },
  { id: "homeowners", phrase: "homeowners", cues: ["homeowners", "homeowner", "your home", "renovation", "renovations", "roofing", "plumbing", "landscaping"] },
  { id: "couples", phrase: "couples planning a wedding", cues: ["wedding", "weddings", "bride", "brides", "groom", "engaged", "engagement"] },
  { id: "fitness", phrase: "people who want to get fit", cues: ["fitness", "workout", "workouts", "gym", "athletes", "training"] },
  { id: "travellers", phrase: "travellers", cues: ["travellers", "travelers", "guests", "holidaymakers", "tourists", "visitors"] },
  { id: "seniors", phrase: "older adults and retirees", cues: ["seniors", "retirees", "retirement", "over 60s", "over-60s", "later life"] },
  { id: "foodies", phrase: "food lovers", cues: ["foodies", "food lovers", "tasting", "gourmet", "chef's"] },
  { id: "local", phrase: "local residents", cues: ["local", "locals", "neighbourhood", "neighborhood", "community", "visit us", "in store", "in-store", "pop in", "high street", "near you"] },
];

/** Counts a cue's occurrences as whole words (multi-word cues as a phrase). */
function countCue(tokens: string[], joined: string, cue: string): number {
  if (!cue.includes(" ")) return tokens.filter((token) => token === cue).length;
  return joined.split(` ${cue} `).length - 1;
}

/** "bakery in Bristol", "serving Leeds": a place name after a locating word, if any. */
export function detectPlace(text: string): string | undefined {
  const match = /\b(?:in|across|around|serving|based in|near)\s+((?:[A-Z][\p{Ll}'-]+)(?:\s(?:upon\s|on\s)?[A-Z][\p{Ll}'-]+)?)/u.exec(text);
  const place = match?.[1];
  const notPlaces = /^(Our|The|Your|Store|Stock|Touch|Person|Minutes|Seconds|Style|January|February|March|April|May|June|July|August|September|October|November|December|Stripe|PayPal|Xero|QuickBooks)\b/;
  return place && !notPlaces.test(place) ? place : undefined;
}

/**
 * One phrase naming who the brand talks to: the one or two groups its words point
 * at ("Families with children and local residents in Bristol"), else "People
 * interested in <category>", else "People interested in what <name> offers".
 */
export function describeAudience(text: string, category: BusinessCategory | null, name?: string): { phrase: string; ids: string[] } {
  const tokens = words(text);
  const joined = ` ${tokens.join(" ")} `;
  const scored = RULES.map((rule, order) => ({ rule, order, score: rule.cues.reduce((sum, cue) => sum + Math.min(3, countCue(tokens, joined, cue)), 0) }))
    .filter((entry) => entry.score >= 2)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  // "Women" and "men" both present usually means "everyone", not two audiences.
  const genders = scored.filter((entry) => entry.rule.id === "women" || entry.rule.id === "men");
  const picked = (genders.length === 2 ? scored.filter((entry) => !genders.includes(entry)) : scored).slice(0, 2);

  if (picked.length === 0) {
    return { phrase: `People interested in ${category ? category.label : `what ${name ?? "the business"} offers`}`, ids: [] };
  }
  const place = picked.some((entry) => entry.rule.id === "local") ? detectPlace(text) : undefined;
  const phrases = picked.map((entry) => entry.rule.phrase);
  const phrase = `${phrases.join(" and ")}${place ? ` in ${place}` : ""}`;
  return { phrase: phrase.charAt(0).toUpperCase() + phrase.slice(1), ids: picked.map((entry) => entry.rule.id) };
}
