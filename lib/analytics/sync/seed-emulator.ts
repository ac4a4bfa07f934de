/**
 * Ad accounts full of delivering ads, seeded straight into a Graph emulator's
 * store (no API calls), with the simulator's view of them: for the sync's tests
 * and for bench/sync.
 */
import type { CampaignPurpose } from "@/db/schema";
import { SANDBOX, qualityForAd, type GraphEmulator } from "@/emulators/meta-graph";
import type { AdTree, Objective } from "@/emulators/meta-graph/insights";

export const PURPOSE_BY_OBJECTIVE: Record<string, CampaignPurpose> = {
  OUTCOME_SALES: "sales",
  OUTCOME_LEADS: "lead_generation",
  OUTCOME_TRAFFIC: "retargeting",
  OUTCOME_AWARENESS: "brand_awareness",
};
const OBJECTIVES: Objective[] = ["OUTCOME_SALES", "OUTCOME_LEADS", "OUTCOME_TRAFFIC", "OUTCOME_AWARENESS"];

export type SeedOptions = {
  /** Bare numeric id; Sam's fixture accounts already exist in the emulator, others are created. */
  accountId: string;
  currency: string;
  timezone: string;
  /** Local midnight that ends delivery (ISO instant): past days' numbers then do not depend on the clock's time of day. */
  endTime?: string;
  createdTime: string;
  campaigns: number;
  adSetsPerCampaign: number;
  adsPerAdSet: number;
  /** Daily budget per ad set, minor units. */
  dailyBudget?: number;
  /** Objectives of the campaigns in turn (default: sales, leads, traffic, awareness). */
  objectives?: Objective[];
  /** Campaign names in turn (default "Campaign n"). */
  names?: string[];
};

export type SeededAccount = { accountId: string; currency: string; timezone: string; tree: AdTree; campaignIds: string[] };

export async function seedEmulatorAccount(emulator: Pick<GraphEmulator, "store">, options: SeedOptions): Promise<SeededAccount> {
  const { store } = emulator;
  const at = options.createdTime;
  if (!(await store.get("adAccounts", options.accountId))) {
    await store.put("adAccounts", {
      id: options.accountId,
      ownerUserId: SANDBOX.sam.userId,
      name: `Seeded ${options.accountId}`,
      currency: options.currency,
      accountStatus: 1,
      timezoneName: options.timezone,
      timezoneOffsetHoursUtc: 0,
      businessName: "Seeded business",
      createdTime: at,
    });
  }
  const tree: AdTree = { account: { id: options.accountId, currency: options.currency, timezone: options.timezone }, campaigns: [], adsets: [], ads: [] };
  for (let c = 0; c < options.campaigns; c++) {
    const campaignId = await store.nextId();
    const objectives = options.objectives ?? OBJECTIVES;
    const objective = objectives[c % objectives.length]!;
    const name = options.names?.[c] ?? `Campaign ${c + 1}`;
    await store.put("campaigns", {
      id: campaignId,
      accountId: options.accountId,
      name,
      objective,
      status: "ACTIVE",
      specialAdCategories: [],
      buyingType: "AUCTION",
      dailyBudget: null,
      lifetimeBudget: null,
      bidStrategy: null,
      isAdsetBudgetSharingEnabled: false,
      startTime: null,
      stopTime: null,
      createdTime: at,
      updatedTime: at,
    });
    tree.campaigns.push({ id: campaignId, accountId: options.accountId, objective, status: "ACTIVE", createdTime: at, name });
    for (let s = 0; s < options.adSetsPerCampaign; s++) {
      const adSetId = await store.nextId();
      const dailyBudget = (options.dailyBudget ?? 3000) + 700 * s + 130 * c;
      await store.put("adSets", {
        id: adSetId,
        accountId: options.accountId,
        campaignId,
        name: `Ad set ${s + 1}`,
        status: "ACTIVE",
        dailyBudget,
        lifetimeBudget: null,
        billingEvent: "IMPRESSIONS",
        optimizationGoal: "OFFSITE_CONVERSIONS",
        bidAmount: null,
        bidStrategy: null,
        bidConstraints: null,
        targeting: { geo_locations: { countries: ["US"] } },
        promotedObject: null,
        destinationType: null,
        startTime: at,
        endTime: options.endTime ?? null,
        createdTime: at,
        updatedTime: at,
      });
      tree.adsets.push({ id: adSetId, campaignId, status: "ACTIVE", dailyBudget, startTime: at, endTime: options.endTime, optimizationGoal: "OFFSITE_CONVERSIONS", budgetHistory: [] });
      for (let a = 0; a < options.adsPerAdSet; a++) {
        const adId = await store.nextId();
        const quality = qualityForAd(adId, options.currency);
        await store.put("ads", {
          id: adId,
          accountId: options.accountId,
          campaignId,
          adSetId,
          creativeId: "0",
          name: `Ad ${a + 1}`,
          status: "ACTIVE",
          quality,
          createdTime: at,
          updatedTime: at,
        });
        tree.ads.push({ id: adId, adsetId: adSetId, campaignId, status: "ACTIVE", createdTime: at, quality });
      }
    }
  }
  return { accountId: options.accountId, currency: options.currency, timezone: options.timezone, tree, campaignIds: tree.campaigns.map((campaign) => campaign.id) };
}
