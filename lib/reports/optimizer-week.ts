import "server-only";
import { and, eq, gte, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { optimizerRecommendations } from "@/db/schema";
import type { OptimizerWeek, Recommendation } from "./types";
import { addDays, type Week } from "./week";

/**
 * What the budget optimizer did in the week (moves applied by the user or on
 * autopilot, and undone), what those moves were estimated to add a day at the
 * campaigns' recent returns, and the advice still waiting.
 */
export async function optimizerWeek(userId: string, week: Week): Promise<{ summary: OptimizerWeek; open: Recommendation[] }> {
  const from = new Date(`${week.start}T00:00:00Z`);
  const to = new Date(`${addDays(week.end, 1)}T00:00:00Z`);
  const rows = await db
    .select()
    .from(optimizerRecommendations)
    .where(
      and(
        eq(optimizerRecommendations.userId, userId),
        or(
          and(gte(optimizerRecommendations.appliedAt, from), lt(optimizerRecommendations.appliedAt, to)),
          and(gte(optimizerRecommendations.rolledBackAt, from), lt(optimizerRecommendations.rolledBackAt, to)),
          eq(optimizerRecommendations.status, "open"),
        ),
      ),
    );
  const inWeek = (date: Date | null) => date !== null && date >= from && date < to;
  const applied = rows.filter((row) => inWeek(row.appliedAt));
  const gains = new Map<string, OptimizerWeek["estimatedGain"][number]>();
  for (const row of applied) {
    // An undone move gained nothing.
    if (row.status !== "applied" || !row.expected || !row.currency) continue;
    const key = `${row.currency}:${row.expected.metric}`;
    const entry = gains.get(key) ?? { currency: row.currency, metric: row.expected.metric, perDay: 0 };
    entry.perDay += row.expected.after - row.expected.before;
    gains.set(key, entry);
  }
  const open: Recommendation[] = rows
    .filter((row) => row.status === "open")
    .map((row) => {
      const gainer = [...row.changes].sort((a, b) => b.to - b.from - (a.to - a.from))[0];
      return {
        id: `optimizer:${row.id}`,
        kind: row.kind === "fatigue" ? "creative_fatigue" : "optimizer_budget",
        severity: "medium",
        campaignId: row.campaignId ?? gainer?.campaignId ?? "",
        campaignName: row.kind === "fatigue" ? (row.fatigue?.headline ?? "An ad") : (gainer?.name ?? "Your campaigns"),
        finding: row.explanation,
        suggestion: row.kind === "fatigue" ? "Generate fresh variants from the dashboard." : "Apply it on the dashboard with one click; it can be undone.",
      } satisfies Recommendation;
    });
  return {
    summary: {
      applied: applied.length,
      byAutopilot: applied.filter((row) => row.appliedBy === "autopilot").length,
      rolledBack: rows.filter((row) => inWeek(row.rolledBackAt)).length,
      estimatedGain: [...gains.values()].map((gain) => ({ ...gain, perDay: Math.round(gain.perDay * 100) / 100 })),
    },
    open,
  };
}
