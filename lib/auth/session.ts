import "server-only";
import { cache } from "react";
import { auth } from "./auth";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  subscriptionTier: "starter" | "professional" | "business";
  role: "member" | "operator";
};

/**
 * The signed-in user, or null. Every route handler and server action starts here.
 * Once per request while rendering: the layout and the page both ask, and each
 * auth() decrypts the session and encrypts a fresh one.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, subscriptionTier: user.subscriptionTier, role: user.role };
});
