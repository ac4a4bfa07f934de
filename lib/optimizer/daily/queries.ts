import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { optimizerRecommendations, type OptimizerRecommendation } from "@/db/schema";
import { runStates } from "./apply";

/**
 * What the dashboard and a campaign page show: open advice (and advice that
 * could not be applied), plus what was applied or undone in the last 7 days,
 * so a change can be undone from where it was made. Newest first.
 */
export type RunState = { status: string; error: string | null };
export type VisibleRecommendation = OptimizerRecommendation & { runs: Record<string, RunState> };

export async function visibleRecommendations(userId: string, campaignId?: string): Promise<VisibleRecommendation[]> {
  const rows = await db
    .select()
    .from(optimizerRecommendations)
    .where(
      and(
        eq(optimizerRecommendations.userId, userId),
        sql`(${optimizerRecommendations.status} in ('open', 'applying', 'failed', 'rolling_back')
          or (${optimizerRecommendations.status} in ('applied', 'rolled_back') and ${optimizerRecommendations.updatedAt} > now() - interval '7 days'))`,
      ),
    )
    .orderBy(desc(optimizerRecommendations.createdAt))
    .limit(30);
  const mine = campaignId ? rows.filter((row) => row.campaignId === campaignId || row.changes.some((move) => move.campaignId === campaignId)) : rows;
  // Where each change stands on Meta: "applied" only means the changes were started.
  const states = await runStates(mine.flatMap((row) => row.changes.flatMap((move) => [move.runId, move.rollbackRunId])));
  return mine.map((row) => ({ ...row, runs: Object.fromEntries(row.changes.flatMap((move) => [move.runId, move.rollbackRunId]).flatMap((runId) => (runId && states.get(runId) ? [[runId, states.get(runId)!]] : []))) }));
}
