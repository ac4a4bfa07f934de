/**
 * What Meta (the simulator) says happened to a seeded ad account, summed
 * independently of the sync: the sync's tests and bench/load/soak compare what
 * the sync stored against it, to the cent.
 */
import { simulateDelivery } from "@/emulators/meta-graph/insights";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { PURPOSE_BY_OBJECTIVE, type SeededAccount } from "./seed-emulator";

export type Truth = { rows: number; spendMinor: number; impressions: number; clicks: number; conversions: number; valueMinor: number };

/** Per Meta campaign, counting each campaign's one conversion action type. */
export function groundTruth(seeded: SeededAccount, window: { since: string; until: string }, asOf: string): Map<string, Truth> {
  const objectiveOf = new Map(seeded.tree.campaigns.map((campaign) => [campaign.id, campaign.objective]));
  const truth = new Map<string, Truth>();
  for (const record of simulateDelivery({ ...seeded.tree, ...window, asOf })) {
    const purpose = PURPOSE_BY_OBJECTIVE[objectiveOf.get(record.campaignId)!]!;
    const type = PURPOSES[purpose].conversionActionType;
    const entry = truth.get(record.campaignId) ?? { rows: 0, spendMinor: 0, impressions: 0, clicks: 0, conversions: 0, valueMinor: 0 };
    entry.rows += 1;
    entry.spendMinor += record.spendMinor;
    entry.impressions += record.impressions;
    entry.clicks += record.clicks;
    entry.conversions += type ? (record.actions[type] ?? 0) : 0;
    entry.valueMinor += type ? (record.actionValuesMinor[type] ?? 0) : 0;
    truth.set(record.campaignId, entry);
  }
  return truth;
}

export function sumTruth(values: Iterable<Truth>): Truth {
  const total: Truth = { rows: 0, spendMinor: 0, impressions: 0, clicks: 0, conversions: 0, valueMinor: 0 };
  for (const value of values) for (const key of Object.keys(total) as Array<keyof Truth>) total[key] += value[key];
  return total;
}
