import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { budgetChanges, jobRuns } from "@/db/schema";

/** Meta allows an ad set's budget to change at most 4 times an hour (613/1487632 beyond). */
export const BUDGET_CHANGES_PER_HOUR = 4;
const HOUR_MS = 3_600_000;

export type BudgetWindow = { allowed: true } | { allowed: false; nextChangeAt: Date; message: string };

const clock = (date: Date) => `${date.toISOString().slice(11, 16)} UTC`;

export function budgetLimitMessage(nextChangeAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((nextChangeAt.getTime() - now.getTime()) / 60_000));
  return `Meta allows ${BUDGET_CHANGES_PER_HOUR} budget changes per hour. You can change this budget again at ${clock(nextChangeAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`;
}

/**
 * Whether one more budget change fits in Meta's hourly limit. Counts the changes
 * recorded in the last hour and, when asked, the budget changes still on their
 * way (their runs have not recorded anything yet, but will land within minutes).
 */
export async function budgetWindow(tx: Queryable, campaignId: string, options: { includeInFlight: boolean; now?: Date }): Promise<BudgetWindow> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - HOUR_MS);
  const recorded = await tx
    .select({ at: budgetChanges.createdAt })
    .from(budgetChanges)
    .where(and(eq(budgetChanges.campaignId, campaignId), gt(budgetChanges.createdAt, since)))
    .orderBy(asc(budgetChanges.createdAt));
  const inFlight = options.includeInFlight
    ? await tx
        .select({ at: jobRuns.createdAt })
        .from(jobRuns)
        .where(
          and(
            eq(jobRuns.kind, "campaign.update"),
            inArray(jobRuns.status, ["queued", "running", "waiting"]),
            sql`${jobRuns.payload}->>'campaignId' = ${campaignId}`,
            sql`${jobRuns.payload}->'change'->>'kind' = 'budget'`,
          ),
        )
    : [];
  // Changes still in flight happen about now, so they count from now.
  const times = [...recorded.map((row) => row.at.getTime()), ...inFlight.map(() => now.getTime())].sort((a, b) => a - b);
  if (times.length < BUDGET_CHANGES_PER_HOUR) return { allowed: true };
  const nextChangeAt = new Date(times[times.length - BUDGET_CHANGES_PER_HOUR]! + HOUR_MS);
  return { allowed: false, nextChangeAt, message: budgetLimitMessage(nextChangeAt, now) };
}
