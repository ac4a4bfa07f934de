import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { optimizerRecommendations, type BudgetMove, type OptimizerRecommendation } from "@/db/schema";
import { aiFor } from "@/lib/ai";
import { PURPOSES } from "@/lib/campaigns/purposes";
import { formatMoney } from "@/lib/money";
import { logger } from "@/lib/observability/logger";
import { allocateBudget } from "../index";
import { explainMove } from "./explain";
import { expectedEffect } from "./expected";
import type { BudgetGroup } from "./groups";

/**
 * Runs the allocator over one group and stores what it proposes as today's
 * recommendation for the group (once: a rerun of the day's job finds it). An
 * older open recommendation for the group is superseded, since it was computed
 * from older numbers. Null when nothing would change.
 */
export async function recommendForGroup(group: BudgetGroup, options: { autopilot: boolean }): Promise<OptimizerRecommendation | null> {
  const entities = group.members.map((member) => member.entity);
  const total = entities.reduce((sum, entity) => sum + entity.currentDailyBudget, 0);
  // Seeded by group and day: the same numbers give the same advice all day.
  const { allocations } = allocateBudget({ goal: group.goal, totalDailyBudget: total, today: group.today, entities, seed: seedOf(`${group.key}:${group.today}`), currency: group.currency });
  const moves: BudgetMove[] = allocations.map((allocation) => {
    const member = group.members.find((candidate) => candidate.campaign.id === allocation.id)!;
    return { campaignId: allocation.id, name: member.campaign.name, from: member.entity.currentDailyBudget, to: allocation.dailyBudget, frozen: allocation.frozen, reason: allocation.reason };
  });
  if (moves.every((move) => move.to === move.from)) return null;

  const metric = group.goal === "roas" ? "value" : "conversions";
  const expected = expectedEffect(moves, entities, group.today, metric);
  const draft = explainMove({ moves, expected, currency: group.currency, resultName: PURPOSES[group.purpose].resultName ?? "results" });
  const explanation = await sayBetter(group.userId, draft, moves.map((move) => `${move.name}: ${formatMoney(move.from, group.currency)} → ${formatMoney(move.to, group.currency)} a day. ${move.reason}`));
  return db.transaction(async (tx) => {
    await tx
      .update(optimizerRecommendations)
      .set({ status: "superseded" })
      .where(
        and(
          eq(optimizerRecommendations.groupKey, group.key),
          eq(optimizerRecommendations.kind, "budget"),
          // Older advice still waiting, or refused before anything reached Meta (started changes stay for Undo).
          sql`(${optimizerRecommendations.status} = 'open' or (${optimizerRecommendations.status} = 'failed'
            and not exists (select 1 from jsonb_array_elements(${optimizerRecommendations.changes}) as move where move ? 'runId')))`,
          lt(optimizerRecommendations.forDate, group.today),
        ),
      );
    const [created] = await tx
      .insert(optimizerRecommendations)
      .values({
        userId: group.userId,
        adAccountId: group.adAccountRowId,
        kind: "budget",
        groupKey: group.key,
        forDate: group.today,
        mode: options.autopilot ? "autopilot" : "recommend",
        currency: group.currency,
        changes: moves,
        expected,
        explanation,
      })
      .onConflictDoNothing({ target: [optimizerRecommendations.groupKey, optimizerRecommendations.kind, optimizerRecommendations.forDate] })
      .returning();
    if (created) return created;
    const [existing] = await tx
      .select()
      .from(optimizerRecommendations)
      .where(and(eq(optimizerRecommendations.groupKey, group.key), eq(optimizerRecommendations.kind, "budget"), eq(optimizerRecommendations.forDate, group.today)));
    return existing ?? null;
  });
}

/**
 * The template sentence, reworded by Gemini when it is configured (metered per
 * user); the template itself offline, or when the model fails or strays from the numbers.
 */
async function sayBetter(userId: string, draft: string, facts: string[]): Promise<string> {
  try {
    return await aiFor(userId).explainAdvice({ draft, facts });
  } catch (error) {
    logger.warn("optimizer.explain_failed", { userId, error: error instanceof Error ? error.message : String(error) });
    return draft;
  }
}

/** A 32-bit seed from a string (FNV-1a). */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
