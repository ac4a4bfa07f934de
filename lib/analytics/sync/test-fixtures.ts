/**
 * Test helpers for the insights sync: ad accounts full of delivering ads seeded
 * straight into the Graph emulator's store, the same accounts in AdPilot's
 * tables, the simulator's ground truth for them, and a driver that delivers a
 * run until it ends while moving the (faked) clock past every wait.
 */
import { randomUUID } from "node:crypto";
import { vi } from "vitest";
import { db } from "@/db";
import { campaigns, metaAdAccounts } from "@/db/schema";
import { simulateDelivery } from "@/emulators/meta-graph/insights";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { executeRun, type RunOutcome } from "@/lib/jobs/execute-run";
import { PURPOSE_BY_OBJECTIVE, type SeededAccount } from "./seed-emulator";

export { seedEmulatorAccount, type SeededAccount, type SeedOptions } from "./seed-emulator";

/**
 * The account in AdPilot: a connected ad account row, and a campaign row for
 * every Meta campaign except the last (which stands for one made outside AdPilot).
 */
export async function linkAccount(userId: string, metaAccountId: string, seeded: SeededAccount): Promise<{ adAccountRowId: string; campaignIds: Map<string, string> }> {
  const [row] = await db
    .insert(metaAdAccounts)
    .values({
      userId,
      metaAccountId,
      adAccountId: `act_${seeded.accountId}`,
      name: `Seeded ${seeded.accountId}`,
      currency: seeded.currency,
      timezone: seeded.timezone,
      accountStatus: 1,
      connected: true,
    })
    .returning({ id: metaAdAccounts.id });
  const ours = new Map<string, string>();
  for (const campaign of seeded.tree.campaigns.slice(0, -1)) {
    const id = randomUUID();
    await db.insert(campaigns).values({
      id,
      userId,
      metaAccountId,
      adAccountId: `act_${seeded.accountId}`,
      metaCampaignId: campaign.id,
      name: campaign.name ?? campaign.id,
      purpose: PURPOSE_BY_OBJECTIVE[campaign.objective]!,
      status: "active",
      currency: seeded.currency,
      launchState: "launched",
    });
    ours.set(campaign.id, id);
  }
  return { adAccountRowId: row!.id, campaignIds: ours };
}

export type Truth = { rows: number; spendMinor: number; impressions: number; clicks: number; conversions: number; valueMinor: number };

/**
 * What Meta (the simulator) says happened, summed independently of the sync:
 * per Meta campaign, counting each campaign's one conversion action type.
 */
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

/**
 * Delivers a run until it ends, as QStash would: a suspension moves the faked
 * clock to its resume time (so Meta's report progresses and rate limits
 * recover), a failure is retried with the attempt count QStash would send.
 */
export async function driveRun(runId: string, options: { maxDeliveries?: number; onSuspend?: (outcome: Extract<RunOutcome, { kind: "suspended" }>) => void | Promise<void> } = {}): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  let retries = 0;
  for (let delivery = 0; delivery < (options.maxDeliveries ?? 400); delivery++) {
    const outcome = await executeRun(runId, retries);
    outcomes.push(outcome);
    if (outcome.kind === "suspended") {
      await options.onSuspend?.(outcome);
      vi.setSystemTime(Math.max(Date.now(), outcome.resumeAt.getTime()) + 1000);
      continue;
    }
    if (outcome.kind === "retry") {
      retries++;
      continue;
    }
    return outcomes;
  }
  throw new Error(`run ${runId} did not finish: ${JSON.stringify(outcomes.slice(-3))}`);
}
