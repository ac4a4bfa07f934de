import type { SubscriptionTier } from "@/db/schema/users";

/** Everything a plan allows, defined once; enforcement and the Settings page both read this. */
export type TierLimits = {
  label: string;
  monthlyPriceUsd: number;
  imageGenerationsPerMonth: number;
  videoGenerationsPerMonth: number;
  connectedAdAccounts: number;
  activeCampaigns: number;
  /** Whether the optimizer may apply budget changes by itself, or only recommend them. */
  autopilot: boolean;
};

export const TIERS: Record<SubscriptionTier, TierLimits> = {
  starter: {
    label: "Starter",
    monthlyPriceUsd: 29,
    imageGenerationsPerMonth: 60,
    videoGenerationsPerMonth: 5,
    connectedAdAccounts: 1,
    activeCampaigns: 3,
    autopilot: false,
  },
  professional: {
    label: "Professional",
    monthlyPriceUsd: 79,
    imageGenerationsPerMonth: 300,
    videoGenerationsPerMonth: 30,
    connectedAdAccounts: 3,
    activeCampaigns: 15,
    autopilot: true,
  },
  business: {
    label: "Business",
    monthlyPriceUsd: 199,
    imageGenerationsPerMonth: 1500,
    videoGenerationsPerMonth: 120,
    connectedAdAccounts: 10,
    activeCampaigns: 100,
    autopilot: true,
  },
};

export const TIER_ORDER: SubscriptionTier[] = ["starter", "professional", "business"];

export function tierLimits(tier: SubscriptionTier): TierLimits {
  return TIERS[tier];
}
