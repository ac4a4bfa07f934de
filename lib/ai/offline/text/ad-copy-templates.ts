import "server-only";
import type { CallToAction } from "../../types";
import type { Part } from "./meta-limits";
import type { Brief } from "./read-brief";
import { capitalize } from "./words";

export type Slots = {
  name?: string;
  brief: Brief;
  /** One of the brand's value propositions, without final punctuation. */
  benefit?: string;
  /** One of the brand's words to use. */
  keyword?: string;
  cta: CallToAction;
  /** Which of the rotating phrasings to use: variants of one request differ by it. */
  round: number;
  voice: { exclaim: boolean; luxe: boolean };
};

/** Parts of one variant: primary text sentences (those that name the product and the call to act kept) and headline and description options. */
export type Draft = { primary: Part[]; headlines: string[]; descriptions: string[] };
type Maybe = string | false | undefined | null;

const present = (items: Maybe[]): string[] => items.filter((item): item is string => typeof item === "string" && item.trim() !== "");
const keep = (text: Maybe): Part | null => (text ? { text, keep: true } : null);
const extra = (text: Maybe): Part | null => (text ? { text, keep: false } : null);
const parts = (items: Array<Part | null>): Part[] => items.filter((item): item is Part => item !== null);
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const at = (slots: Slots) => (slots.name ? ` at ${slots.name}` : "");
const from = (slots: Slots) => (slots.name ? ` from ${slots.name}` : "");
const offerFull = ({ brief }: Slots) => (brief.offer ? `${brief.offer}${brief.urgency ? ` ${brief.urgency}` : ""}` : undefined);
const whenShort = ({ brief }: Slots) => brief.when?.replace(/^on\s+/i, "");

const CTA_LINES: Record<CallToAction, (slots: Slots) => string[]> = {
  SHOP_NOW: (slots) => (slots.voice.luxe ? ["Discover more", "Explore the collection", "Discover it today"] : ["Shop now", "Order yours today", "Take a look today"]),
  GET_OFFER: () => ["Claim the offer today", "Claim yours today", "Get the offer now"],
  SIGN_UP: () => ["Sign up in minutes", "Sign up today", "Join today"],
  CONTACT_US: () => ["Get in touch today", "Contact us to get started", "Send us a message today"],
  BOOK_NOW: () => ["Book your spot today", "Book now", "Reserve your place today"],
  DOWNLOAD: () => ["Download the app today", "Download it today", "Get the app today"],
  SUBSCRIBE: () => ["Subscribe today", "Subscribe to stay in the loop", "Join the list today"],
  LEARN_MORE: (slots) => ["Find out more", slots.name ? `Learn more about ${slots.name}` : "Learn more today", "Take a look"],
};

const DESCRIPTIONS: Record<CallToAction, string> = {
  SHOP_NOW: "Shop the range",
  GET_OFFER: "Claim the offer",
  SIGN_UP: "Sign up today",
  CONTACT_US: "Get in touch",
  BOOK_NOW: "Book your spot",
  DOWNLOAD: "Download today",
  SUBSCRIBE: "Subscribe today",
  LEARN_MORE: "Find out more",
};

/** The closing sentence: the call to act, with an exclamation mark for a lively voice. */
function closing(slots: Slots): string {
  const lines = CTA_LINES[slots.cta](slots);
  const line = lines[slots.round % lines.length]!;
  return `${line}${slots.voice.exclaim ? "!" : "."}`;
}

/** The offer, unless the product phrase carries it already ("Free consultation for homeowners"). */
function separateOffer(slots: Slots): string | undefined {
  const offer = offerFull(slots);
  if (!offer || slots.brief.product.toLowerCase().includes(slots.brief.offer!.toLowerCase())) return undefined;
  return offer;
}

/** An offer sentence; kept when the button promises the offer. */
function offerPart(slots: Slots): Part | null {
  const offer = separateOffer(slots);
  if (!offer) return null;
  return { text: sentence(capitalize(offer)), keep: slots.cta === "GET_OFFER" };
}

/** How each purpose opens when leading with the product. */
const PRODUCT_HOOKS: Record<string, (slots: Slots) => string> = {
  sales: (s) => `Just in${at(s)}: ${s.brief.product}.`,
  lead_generation: (s) => `${capitalize(s.brief.product)}${from(s)}.`,
  brand_awareness: (s) => (s.name && s.brief.product !== s.name ? `Meet ${s.name}: ${s.brief.product}.` : `Meet ${s.brief.product}.`),
  app_installs: (s) => `${capitalize(s.brief.product)}${from(s)}, in one app.`,
  event_promotion: (s) => `Join us${at(s)}${s.brief.when ? ` ${s.brief.when}` : ""} for ${s.brief.product}.`,
  store_visits: (s) => `${capitalize(s.brief.product)}, waiting for you${at(s)}.`,
  retargeting: (s) => `Still thinking about ${s.brief.product}?`,
  default: (s) => `${capitalize(s.brief.product)}${from(s)}.`,
};

/** The sentence after a benefit-led opening, per purpose. */
const FOLLOW_UPS: Record<string, (slots: Slots) => string> = {
  sales: (s) => `Discover ${s.brief.product}${at(s)}.`,
  lead_generation: (s) => `Ask us about ${s.brief.product}.`,
  brand_awareness: (s) => (s.name ? `That's the ${s.name} way.` : "That's what we're about."),
  app_installs: (s) => `${capitalize(s.brief.product)}, now in your pocket.`,
  event_promotion: (s) => `${capitalize(s.brief.product)}${at(s)}${s.brief.when ? `, ${whenShort(s)}` : ""}.`,
  store_visits: (s) => `Pop in${at(s)} for ${s.brief.product}.`,
  retargeting: (s) => `Come back for ${s.brief.product}.`,
  default: (s) => `Discover ${s.brief.product}${from(s)}.`,
};

/** Headline options shared by all angles, specific ones first. */
function headlines(slots: Slots, first: Maybe[]): string[] {
  const { brief, keyword, name, benefit } = slots;
  const purposeLine: Record<CallToAction, Maybe> = {
    SHOP_NOW: name && `New${at(slots)}`,
    GET_OFFER: offerFull(slots) && capitalize(offerFull(slots)!),
    SIGN_UP: name && `Get started with ${name}`,
    CONTACT_US: name && `Talk to ${name}`,
    BOOK_NOW: brief.when ? `${brief.title}, ${whenShort(slots)}` : "Save the date",
    DOWNLOAD: name ? `Get the ${name} app` : "Get the app",
    SUBSCRIBE: name && `Stay in touch with ${name}`,
    LEARN_MORE: name && `Discover ${name}`,
  };
  // "Name: keyword" reads well whether the keyword is a noun ("celebration cakes") or not ("paid faster").
  return present([...first, brief.title, keyword && (name ? `${name}: ${keyword}` : capitalize(keyword)), benefit, purposeLine[slots.cta], name]);
}

function descriptions(slots: Slots, first: Maybe[]): string[] {
  const { keyword, benefit, name } = slots;
  return present([
    ...first,
    offerFull(slots) && capitalize(offerFull(slots)!),
    whenShort(slots) && capitalize(whenShort(slots)!),
    benefit,
    keyword && capitalize(keyword),
    name,
    DESCRIPTIONS[slots.cta],
  ]);
}

export type Angle = (slots: Slots, purpose: string) => Draft;

/**
 * Three angles, like a copywriter's: lead with the product, lead with the
 * benefit, lead with the offer (or the brand's word, or the date).
 */
export const ANGLES: Angle[] = [
  (slots, purpose) => ({
    primary: parts([keep((PRODUCT_HOOKS[purpose] ?? PRODUCT_HOOKS.default!)(slots)), offerPart(slots), extra(slots.benefit && sentence(slots.benefit)), keep(closing(slots))]),
    headlines: headlines(slots, []),
    descriptions: descriptions(slots, []),
  }),
  (slots, purpose) => ({
    primary: slots.benefit
      ? parts([extra(sentence(slots.benefit)), keep((FOLLOW_UPS[purpose] ?? FOLLOW_UPS.default!)(slots)), offerPart(slots), keep(closing(slots))])
      : parts([keep(`${capitalize(slots.brief.product)}${from(slots)}.`), offerPart(slots), keep(closing(slots))]),
    headlines: headlines(slots, [slots.benefit]),
    descriptions: descriptions(slots, [slots.name]),
  }),
  (slots) => {
    const offer = separateOffer(slots);
    const { brief, keyword, name } = slots;
    const opening = offer
      ? [keep(`${capitalize(offer)}: ${brief.product}.`)]
      : brief.when
        ? [extra(`Save the date: ${whenShort(slots)}.`), keep(`${capitalize(brief.product)}${at(slots)}.`)]
        : keyword && name
          ? [extra(`${capitalize(keyword)}, the ${name} way.`), keep(`${capitalize(brief.product)}${from(slots)}.`)]
          : [keep(`Something new${from(slots)}: ${brief.product}.`)];
    return {
      primary: parts([...opening, extra(slots.benefit && sentence(slots.benefit)), keep(closing(slots))]),
      headlines: headlines(slots, [offer && capitalize(offer)]),
      descriptions: descriptions(slots, []),
    };
  },
];
