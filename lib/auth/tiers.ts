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
  /** Per-user burst limits (generate, launch, sync now, uploads…) are this many times the base rule. */
  burstMultiplier: number;
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
    burstMultiplier: 1,
  },
  professional: {
    label: "Professional",
    monthlyPriceUsd: 79,
    imageGenerationsPerMonth: 300,
    videoGenerationsPerMonth: 30,
    connectedAdAccounts: 3,
    activeCampaigns: 15,
    autopilot: true,
    burstMultiplier: 2,
  },
  business: {
    label: "Business",
    monthlyPriceUsd: 199,
    imageGenerationsPerMonth: 1500,
    videoGenerationsPerMonth: 120,
    connectedAdAccounts: 10,
    activeCampaigns: 100,
    autopilot: true,
    burstMultiplier: 5,
  },
};

export const TIER_ORDER: SubscriptionTier[] = ["starter", "professional", "business"];

export function tierLimits(tier: SubscriptionTier): TierLimits {
  return TIERS[tier];
}
