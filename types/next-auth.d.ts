import type { DefaultSession } from "next-auth";
import type { SubscriptionTier } from "@/db/schema/users";

declare module "next-auth" {
  interface User {
    subscriptionTier: SubscriptionTier;
    role: "member" | "operator";
  }
  interface Session {
    user: {
      id: string;
      subscriptionTier: SubscriptionTier;
      role: "member" | "operator";
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    id: string;
    subscriptionTier: SubscriptionTier;
    role: "member" | "operator";
    /** Epoch ms when tier and role were last read from the database. */
    refreshedAt?: number;
  }
}
