import { UNREADABLE_FORM_MESSAGE } from "@/lib/forms/form-state";

/** The outcome codes the connect flow and settings actions redirect with, in words. Unknown codes show nothing. */
export const CONNECT_MESSAGES: Record<string, { tone: "success" | "error"; text: string }> = {
  connected: { tone: "success", text: "Your Meta account is connected." },
  disconnected: { tone: "success", text: "Disconnected. AdPilot deleted the access token." },
  updated: { tone: "success", text: "Ad accounts updated." },
  denied: { tone: "error", text: "You cancelled the Facebook Login. Nothing was changed." },
  missing: {
    tone: "error",
    text: "AdPilot needs permission to manage and read your ads (ads_management and ads_read). Connect again and keep those permissions switched on.",
  },
  expired: { tone: "error", text: "That connection attempt expired or was already used. Start again with “Connect Meta account”." },
  "no-ad-accounts": { tone: "error", text: "This Facebook account has no ad accounts. Create one in Meta Business Suite, then connect again." },
  error: { tone: "error", text: "Meta could not complete the connection. Please try again in a minute." },
  limit: { tone: "error", text: "Your plan's ad account limit is reached. Switch another account off first, or upgrade your plan." },
  inactive: { tone: "error", text: "That ad account is not active on Meta, so it cannot be used." },
  "not-found": { tone: "error", text: "That account was not found." },
  unreadable: { tone: "error", text: UNREADABLE_FORM_MESSAGE },
};
