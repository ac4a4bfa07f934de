import type { CallToAction } from "@/lib/ai/types";

/** Meta's call-to-action types and the words the button shows. */
export const CTA_LABELS: Record<CallToAction, string> = {
  LEARN_MORE: "Learn more",
  SHOP_NOW: "Shop now",
  SIGN_UP: "Sign up",
  BOOK_NOW: "Book now",
  CONTACT_US: "Contact us",
  DOWNLOAD: "Download",
  GET_OFFER: "Get offer",
  SUBSCRIBE: "Subscribe",
};
