import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { weeklyReports } from "@/db/schema";
import type { ReportSummary } from "./types";

export type ReportListItem = {
  id: string;
  periodStart: string;
  periodEnd: string;
  summary: ReportSummary;
  emailedAt: Date | null;
};

/** The user's reports, newest week first. */
export async function listReports(userId: string, limit = 52): Promise<ReportListItem[]> {
  const rows = await db
    .select({
      id: weeklyReports.id,
      periodStart: weeklyReports.periodStart,
      periodEnd: weeklyReports.periodEnd,
      summary: weeklyReports.summary,
      emailedAt: weeklyReports.emailedAt,
    })
    .from(weeklyReports)
    .where(eq(weeklyReports.userId, userId))
    .orderBy(desc(weeklyReports.periodStart))
    .limit(limit);
  return rows.map((row) => ({ ...row, summary: row.summary as ReportSummary }));
}

export type ReportDetail = ReportListItem & { emailError: string | null; createdAt: Date };

/** One report, only if `userId` owns it: someone else's id reads as not found. */
export async function getReport(userId: string, id: string): Promise<ReportDetail | null> {
  const [row] = await db
    .select()
    .from(weeklyReports)
    .where(and(eq(weeklyReports.id, id), eq(weeklyReports.userId, userId)));
  if (!row) return null;
  return {
    id: row.id,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    summary: row.summary as ReportSummary,
    emailedAt: row.emailedAt,
    emailError: row.emailError,
    createdAt: row.createdAt,
  };
}
