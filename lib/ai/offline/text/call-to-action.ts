import "server-only";
import type { CallToAction } from "../../types";
import type { Brief } from "./read-brief";

/**
 * The button for a campaign purpose, as the Gemini prompt asks for it too: an
 * offer turns "Shop now" into "Get offer"; the brief's own words (book, quote,
 * download, newsletter) win where they name what the reader should do.
 */
export function chooseCallToAction(purpose: string | undefined, brief: Brief, prompt: string): CallToAction {
  const text = prompt.toLowerCase();
  switch (purpose) {
    case "sales":
      return brief.offer ? "GET_OFFER" : "SHOP_NOW";
    case "retargeting":
      return brief.offer ? "GET_OFFER" : "SHOP_NOW";
    case "lead_generation":
      if (/\b(quote|consultation|call|enquir|inquir|estimate)/.test(text)) return "CONTACT_US";
      if (/\b(appointment|book|booking|reserve)/.test(text)) return "BOOK_NOW";
      if (/\b(download|guide|e-?book|checklist|whitepaper)/.test(text)) return "DOWNLOAD";
      if (/\b(newsletter|membership|subscribe)/.test(text)) return "SUBSCRIBE";
      return "SIGN_UP";
    case "app_installs":
      return "DOWNLOAD";
    case "event_promotion":
      return /\b(register|webinar|sign[- ]?up|rsvp)/.test(text) ? "SIGN_UP" : "BOOK_NOW";
    case "store_visits":
      return /\b(appointment|book|table|reservation)/.test(text) ? "BOOK_NOW" : "LEARN_MORE";
    case "brand_awareness":
    default:
      return "LEARN_MORE";
  }
}
