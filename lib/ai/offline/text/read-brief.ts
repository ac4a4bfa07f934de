import "server-only";
import { AD_LIMITS, fitWords } from "./meta-limits";
import { capitalize } from "./words";

const MAX_PRODUCT = 70;

/** What an ad is about, read out of the marketer's free-text brief. */
export type Brief = {
  /** "our new pumpkin spice cupcakes for autumn": usable mid-sentence. */
  product: string;
  /** "New pumpkin spice cupcakes for autumn": usable as a headline. */
  title: string;
  /** "20% off", "free delivery": only when the brief states one. */
  offer?: string;
  /** "this week", "until Sunday". */
  urgency?: string;
  /** "on Saturday 14 June": for events. */
  when?: string;
};

/** Instructions to the writer, not part of what is advertised. */
const INSTRUCTIONS: RegExp[] = [
  /^(please\s+)?(write|create|make|generate|draft|give me)\s+(some\s+|an?\s+|\d+\s+)?((facebook|instagram|meta|social)\s+)?(ads?|ad copy|copy|posts?|campaign|variants?)\s+(for|about|promoting|to promote|on)\s+/i,
  /^(get|drive|bring|generate|increase)\s+(more\s+)?(sales|sign-?ups|leads|bookings|visits|traffic|downloads|installs|customers|people|foot traffic|awareness|attendance|registrations)\s+(for|to|of|at|in)\s+/i,
  /^(tell|let)\s+(people|customers|everyone|folks)\s+(know\s+)?(about\s+)?/i,
  /^(we('re| are| will be)\s+)?(having|running|hosting|launching|opening|holding|throwing)\s+/i,
  /^(promote|advertise|announce|launch|showcase|highlight|push|sell|market|feature|introduce|spread the word about)\s+/i,
];

const OFFERS: RegExp[] = [
  /\b(?:up to\s+)?\d{1,3}\s?%\s?off(?:\s+(?:all|every|our|your|the)\s+[\p{L}-]+)?/iu,
  /\b(?:buy one,? get one(?: free| half price)?|bogo|2 for 1|two for one|half price)\b/i,
  /\bsave\s+(?:up to\s+)?[$£€]?\d+(?:[.,]\d+)?%?/i,
  /\b(?:(?:start|get|claim|enjoy|try|book)\s+(?:your\s+|a\s+|an\s+|our\s+)?)?free\s+(?:\d+[- ]day\s+)?(?:trial|delivery|shipping|consultation|quote|sample|samples|gift|class|session|lesson|estimate|returns|demo|tasting|coffee|dessert)\b/i,
];
const URGENCY = /\b(?:this (?:week|weekend|month|friday|saturday|sunday)(?: only)?|today only|today|tonight|tomorrow|(?:until|till|ends|ending) [\p{L}\d ]{2,20}?(?=[,.;!]|$)|for a limited time|while stocks last)\b/iu;
const WHEN =
  /\b(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?)(?:\s+(?:at|from)\s+\d{1,2}(?::\d{2})?\s?(?:am|pm)?)?|\b(?:on|this|next)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:at|from)\s+\d{1,2}(?::\d{2})?\s?(?:am|pm)?)?/i;
const EDGE_CONNECTORS = /^(?:[\s,;:–—-]|\b(?:and|with|for|on|at|plus)\b)+|(?:[\s,;:–—-]|\b(?:and|with|for|on|at|plus|now)\b)+$/gi;

function tidy(text: string): string {
  let current = text.replace(/\s+/g, " ").trim();
  for (let previous = ""; previous !== current; ) {
    previous = current;
    current = current.replace(EDGE_CONNECTORS, "").trim();
  }
  return current;
}

/** "start your free 14-day trial" → "free 14-day trial": the offer without the verb around it. */
function offerText(match: string): string {
  return match.replace(/^(start|get|claim|enjoy|try|book)\s+(your|a|an|our)?\s*/i, "").trim();
}

/**
 * Splits a brief like "Promote our new pumpkin spice cupcakes for autumn, 20% off
 * this week" into what is sold, the offer and the deadline. Only what the brief
 * says comes out; nothing is invented. `fallback` (the brand's name) stands in
 * for an empty brief, and keeps its capital where the brief starts with it.
 */
export function readBrief(prompt: string, fallback: string): Brief {
  let text = prompt.replace(/\s+/g, " ").trim().replace(/^["“']|["”']$/g, "");
  for (const instruction of INSTRUCTIONS) text = text.replace(instruction, "");
  const offerMatch = OFFERS.map((pattern) => pattern.exec(text)).find((match) => match !== null);
  const urgency = URGENCY.exec(text)?.[0];
  const when = WHEN.exec(text)?.[0];

  // The product is the first clause with the offer, deadline and date taken out.
  let main = text.split(/(?<=[.!?;])\s+/)[0]!.replace(/[.!?;]+$/, "");
  for (const part of [offerMatch?.[0], urgency, when]) if (part) main = main.replace(part, " ");
  // "Free consultation for homeowners" minus its offer leaves no product; keep it whole.
  const leftover = main.replace(/^[\s,;:–—-]+/, "");
  let product = /^(for|to|of|in|on|with)\b/i.test(leftover) ? tidy(text.split(/(?<=[.!?;])\s+/)[0]!.replace(/[.!?;]+$/, "")) : tidy(main);
  if (!product) product = fallback;
  // A brief starts with a capital because it is a sentence; mid-sentence "Summer sale" is "summer sale".
  else if (!product.startsWith(fallback) && /^\p{Lu}\p{Ll}+\b/u.test(product)) product = product.charAt(0).toLowerCase() + product.slice(1);

  // A whole paragraph is not a product name: keep its first clause, or its first words.
  if (product.length > MAX_PRODUCT) product = fitWords(product.split(/,\s/)[0]!, MAX_PRODUCT);
  const title = fitWords(capitalize(product.replace(/^(our|the|a|an|my)\s+/i, "")), AD_LIMITS.headline);
  return {
    product,
    title,
    offer: offerMatch ? offerText(offerMatch[0]) : undefined,
    urgency: urgency?.toLowerCase().startsWith("on ") ? undefined : urgency,
    when: when?.trim(),
  };
}
