import "server-only";
import { and, eq, like } from "drizzle-orm";
import { db } from "@/db";
import { adAccountSyncs, campaigns, metaAccounts, metaAdAccounts } from "@/db/schema";
import { SANDBOX, seedSandbox } from "@/emulators/meta-graph";
import { requestSync } from "@/lib/analytics/sync/request-sync";
import { seedEmulatorAccount } from "@/lib/analytics/sync/seed-emulator";
import { deployment } from "@/lib/env";
import { toDecimalString } from "@/lib/money";
import { sandboxScope } from "../config";
import { createPostgresGraphStore } from "./postgres-store";

/** Days of simulated history the demo campaigns bring. */
export const DEMO_DAYS = 60;
const PREFIX = "Demo: ";
const DEMO = [
  { name: "Demo: Spring sale", objective: "OUTCOME_SALES", purpose: "sales" },
  { name: "Demo: Bestsellers", objective: "OUTCOME_SALES", purpose: "sales" },
  { name: "Demo: New arrivals", objective: "OUTCOME_SALES", purpose: "sales" },
  { name: "Demo: Newsletter sign-ups", objective: "OUTCOME_LEADS", purpose: "lead_generation" },
] as const;

export type DemoOutcome = { ok: true; runIds: string[] } | { ok: false; message: string };

/**
 * Sandbox only: campaigns that have been running for 60 days on the user's
 * simulated ad account, as if launched with AdPilot, then a sync. Someone
 * trying AdPilot sees the dashboard, analytics, reports and the optimizer with
 * numbers at once, instead of waiting days for a new campaign to deliver.
 */
export async function addDemoHistory(userId: string, now = new Date()): Promise<DemoOutcome> {
  if (deployment.meta !== "sandbox") return { ok: false, message: "Demo history exists only in the sandbox." };
  const [account] = await db
    .select({ account: metaAdAccounts })
    .from(metaAdAccounts)
    .innerJoin(metaAccounts, eq(metaAccounts.id, metaAdAccounts.metaAccountId))
    .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true), eq(metaAccounts.sandbox, true), eq(metaAccounts.status, "active")));
  if (!account) return { ok: false, message: "Connect the sandbox Meta account in Settings first." };
  const existing = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.userId, userId), like(campaigns.name, `${PREFIX}%`)))
    .limit(1);
  if (existing.length > 0) return { ok: false, message: "The demo campaigns are already there." };

  const { adAccountId, currency, timezone, metaAccountId } = account.account;
  // One transaction: the simulated objects and the campaigns linked to them exist together or not at all.
  await db.transaction(async (tx) => {
    // The history is older than the lookback window: the next sync back-fills 90 days again.
    await tx.update(adAccountSyncs).set({ backfilledFrom: null }).where(eq(adAccountSyncs.adAccountId, account.account.id));
    const store = createPostgresGraphStore(tx, sandboxScope(userId));
    if (!(await store.get("users", SANDBOX.sam.userId))) await seedSandbox(store);
    const seeded = await seedEmulatorAccount(
      { store },
      {
        accountId: adAccountId.replace(/^act_/, ""),
        currency,
        timezone,
        createdTime: new Date(now.getTime() - DEMO_DAYS * 86_400_000).toISOString(),
        campaigns: DEMO.length,
        adSetsPerCampaign: 1,
        adsPerAdSet: 3,
        dailyBudget: 3000,
        objectives: DEMO.map((demo) => demo.objective),
        names: DEMO.map((demo) => demo.name),
      },
    );
    await tx.insert(campaigns).values(
      seeded.tree.campaigns.map((metaCampaign, index) => {
        const adSet = seeded.tree.adsets.find((candidate) => candidate.campaignId === metaCampaign.id)!;
        const amount = adSet.dailyBudget!;
        return {
          userId,
          metaAccountId,
          adAccountId,
          metaCampaignId: metaCampaign.id,
          metaAdSetId: adSet.id,
          name: DEMO[index]!.name,
          purpose: DEMO[index]!.purpose,
          status: "active" as const,
          metaStatus: "ACTIVE",
          currency,
          dailyBudget: toDecimalString(amount, currency),
          draft: { step: "review" as const, budget: { kind: "daily" as const, amount, level: "adset" as const }, launchAs: "ACTIVE" as const },
          launchState: "launched" as const,
          startTime: new Date(now.getTime() - DEMO_DAYS * 86_400_000),
        };
      }),
    );
  });
  return { ok: true, runIds: (await requestSync(userId, "manual", now.getTime(), { fresh: true })).runIds };
}
