import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { weeklyReports } from "@/db/schema";
import type { ReportSummary } from "./types";

/**
 * Writes the user's report for the week, replacing the summary if one exists
 * (the unique (user, week) key makes a repeat a no-op apart from fresher
 * numbers). Whether and when it was emailed is left as it is.
 */
export async function storeReport(userId: string, summary: ReportSummary): Promise<string> {
  const [row] = await db
    .insert(weeklyReports)
    .values({ userId, periodStart: summary.periodStart, periodEnd: summary.periodEnd, summary })
    .onConflictDoUpdate({
      target: [weeklyReports.userId, weeklyReports.periodStart],
      set: { periodEnd: sql`excluded.period_end`, summary: sql`excluded.summary` },
    })
    .returning({ id: weeklyReports.id });
  return row!.id;
}
