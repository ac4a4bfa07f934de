import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { campaigns, jobRuns, optimizerRecommendations, type BudgetMove, type OptimizerRecommendation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { campaignBudget } from "@/lib/campaigns/launch/budget";
import { requestCampaignChange } from "@/lib/campaigns/manage/request-change";
import { logger } from "@/lib/observability/logger";

export type ApplyOutcome = { ok: true; recommendation: OptimizerRecommendation } | { ok: false; message: string };

const fail = (message: string): ApplyOutcome => ({ ok: false, message });
const ACTIVE_RUN = ["queued", "running", "waiting"] as const;

/**
 * Takes the recommendation for this action in one conditional update, so a
 * double click, or the job and the user at once, cannot act on it twice.
 */
async function claim(userId: string, id: string, from: OptimizerRecommendation["status"][], to: OptimizerRecommendation["status"]): Promise<OptimizerRecommendation | null> {
  const [claimed] = await db
    .update(optimizerRecommendations)
    .set({ status: to, error: null })
    .where(and(eq(optimizerRecommendations.id, id), eq(optimizerRecommendations.userId, userId), eq(optimizerRecommendations.kind, "budget"), inArray(optimizerRecommendations.status, from)))
    .returning();
  return claimed ?? null;
}

/** Current daily budgets (minor units) of the user's campaigns in the moves. */
async function currentBudgets(userId: string, moves: BudgetMove[]): Promise<Map<string, number | null>> {
  if (moves.length === 0) return new Map();
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.userId, userId), inArray(campaigns.id, moves.map((move) => move.campaignId))));
  return new Map(rows.map((row) => [row.id, campaignBudget(row)?.amount ?? null]));
}

/** How the campaign.update runs a recommendation started have ended so far. */
export async function runStates(runIds: Array<string | undefined>): Promise<Map<string, { status: string; error: string | null }>> {
  const ids = runIds.filter((id): id is string => Boolean(id));
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: jobRuns.id, status: jobRuns.status, error: jobRuns.error }).from(jobRuns).where(inArray(jobRuns.id, ids));
  return new Map(rows.map((row) => [row.id, { status: row.status, error: row.error }]));
}

const moving = (move: BudgetMove) => move.to !== move.from;

/**
 * Starts each budget change of the recommendation on Meta (the campaign.update
 * job checks Meta's 4-changes-an-hour limit and reads the result back). Cuts go
 * first, so spend never rises in between. Each started run is recorded as soon
 * as it exists, so a crash half-way leaves a "failed" recommendation whose
 * retry starts only what is missing (and Undo still sees what was started).
 * Nothing starts when a campaign's budget moved since the advice was made.
 */
export async function applyRecommendation(userId: string, id: string, by: "user" | "autopilot"): Promise<ApplyOutcome> {
  const recommendation = await claim(userId, id, ["open", "failed"], "applying");
  if (!recommendation) return fail("This recommendation is no longer open.");
  let changes = recommendation.changes;
  try {
    const pending = changes.filter((move) => moving(move) && !move.runId);
    const budgets = await currentBudgets(userId, pending);
    const stale = pending.find((move) => budgets.get(move.campaignId) !== move.from);
    if (stale) return finish(recommendation, "failed", changes, `“${stale.name}” no longer has the budget this advice was made for; a fresh recommendation comes with tomorrow's numbers.`);

    for (const move of [...pending].sort((a, b) => a.to - a.from - (b.to - b.from))) {
      const request = await requestCampaignChange(userId, move.campaignId, { kind: "budget", amount: move.to }, { source: "optimizer" });
      const result: Partial<BudgetMove> = request?.ok ? { runId: request.run.id, error: undefined } : { error: request?.message ?? "The campaign was not found." };
      changes = changes.map((candidate) => (candidate.campaignId === move.campaignId ? { ...candidate, ...result } : candidate));
      await db.update(optimizerRecommendations).set({ changes }).where(eq(optimizerRecommendations.id, recommendation.id));
    }
  } catch (error) {
    logger.error("optimizer.apply_failed", { recommendationId: id, error: error instanceof Error ? error.message : String(error) });
    return finish(recommendation, "failed", changes, "AdPilot could not finish applying this advice. Apply it again to start the changes that are missing.");
  }
  const refused = changes.filter((move) => moving(move) && !move.runId);
  const message = refused.length > 0 ? refused.map((move) => `“${move.name}”: ${move.error}`).join(" ") : null;
  const updated = await finish(recommendation, refused.length > 0 ? "failed" : "applied", changes, message, { appliedAt: new Date(), appliedBy: by });
  await audit(recommendation.userId, recommendation.id, changes, `optimizer.${by === "autopilot" ? "autopilot_applied" : "applied"}`);
  return updated;
}

/**
 * Puts every budget the recommendation changed back where it was, on Meta.
 * Refused while a change is still on its way to Meta. A campaign whose change
 * never reached Meta needs nothing; one whose budget was changed again since is
 * left alone (undoing the optimizer must not undo the marketer).
 */
export async function rollBackRecommendation(userId: string, id: string): Promise<ApplyOutcome> {
  const [current] = await db
    .select()
    .from(optimizerRecommendations)
    .where(and(eq(optimizerRecommendations.id, id), eq(optimizerRecommendations.userId, userId)));
  const started = current?.changes.filter((move) => move.runId && moving(move)) ?? [];
  if (!current || started.length === 0 || !["applied", "failed"].includes(current.status)) return fail("Only applied advice can be undone.");
  const states = await runStates(started.map((move) => move.runId));
  if (started.some((move) => (ACTIVE_RUN as readonly string[]).includes(states.get(move.runId!)?.status ?? ""))) {
    return fail("The change is still on its way to Meta. Undo it once it has arrived.");
  }
  const recommendation = await claim(userId, id, ["applied", "failed"], "rolling_back");
  if (!recommendation) return fail("Only applied advice can be undone.");

  const reached = started.filter((move) => states.get(move.runId!)?.status === "succeeded");
  const budgets = await currentBudgets(userId, reached);
  let changes = recommendation.changes;
  let undone = 0;
  const kept: string[] = [];
  // Cuts first again: the campaigns that gained give it back before the others get theirs.
  for (const move of [...reached].sort((a, b) => b.to - b.from - (a.to - a.from))) {
    let result: Partial<BudgetMove>;
    if (budgets.get(move.campaignId) !== move.to) {
      result = { error: "Its budget was changed again after the optimizer's change, so it was left as it is." };
      kept.push(move.name);
    } else {
      const request = await requestCampaignChange(userId, move.campaignId, { kind: "budget", amount: move.from }, { source: "optimizer" });
      result = request?.ok ? { rollbackRunId: request.run.id } : { error: request?.message ?? "The campaign was not found." };
      if (request?.ok) undone++;
      else kept.push(move.name);
    }
    changes = changes.map((candidate) => (candidate.campaignId === move.campaignId ? { ...candidate, ...result } : candidate));
  }
  if (undone === 0 && kept.length > 0) {
    await finish(recommendation, current.status, changes, current.error);
    return fail(`Nothing was undone: ${changes.filter((move) => kept.includes(move.name)).map((move) => `“${move.name}”: ${move.error}`).join(" ")}`);
  }
  const note = kept.length > 0 ? changes.filter((move) => kept.includes(move.name)).map((move) => `“${move.name}”: ${move.error}`).join(" ") : null;
  const updated = await finish(recommendation, "rolled_back", changes, note, { rolledBackAt: new Date() });
  await audit(recommendation.userId, recommendation.id, changes, "optimizer.rolled_back");
  return updated;
}

export async function dismissRecommendation(userId: string, id: string): Promise<boolean> {
  const [dismissed] = await db
    .update(optimizerRecommendations)
    .set({ status: "dismissed" })
    .where(and(eq(optimizerRecommendations.id, id), eq(optimizerRecommendations.userId, userId), inArray(optimizerRecommendations.status, ["open", "failed"])))
    .returning({ id: optimizerRecommendations.id });
  return Boolean(dismissed);
}

async function finish(
  recommendation: OptimizerRecommendation,
  status: OptimizerRecommendation["status"],
  changes: BudgetMove[],
  error: string | null,
  extra: Partial<typeof optimizerRecommendations.$inferInsert> = {},
): Promise<ApplyOutcome> {
  const [updated] = await db.update(optimizerRecommendations).set({ status, changes, error, ...extra }).where(eq(optimizerRecommendations.id, recommendation.id)).returning();
  if (status === "failed" && error && !changes.some((move) => move.runId)) return { ok: false, message: error };
  return { ok: true, recommendation: updated! };
}

async function audit(userId: string, id: string, changes: BudgetMove[], action: string): Promise<void> {
  await recordAudit(db, {
    userId,
    action,
    entityType: "optimizer_recommendation",
    entityId: id,
    before: { budgets: changes.map((move) => ({ campaignId: move.campaignId, amount: move.from })) },
    after: { budgets: changes.map((move) => ({ campaignId: move.campaignId, amount: move.to, runId: move.runId ?? null, rollbackRunId: move.rollbackRunId ?? null, error: move.error ?? null })) },
  });
}
