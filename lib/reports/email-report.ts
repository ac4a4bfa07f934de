import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { users, weeklyReports } from "@/db/schema";
import { emailConfigured, sendEmail } from "@/lib/email";
import { env } from "@/lib/env";
import { reportEmailHtml } from "./email-html";
import { reportEmailText } from "./email-text";
import { reportSubject } from "./format";
import type { ReportSummary } from "./types";

export type EmailOutcome =
  | { sent: true; messageId: string }
  | { sent: false; reason: "already_sent" | "opted_out" | "not_configured" | "report_gone" };

/** A failed send: the run's error says it in words, the report row keeps the server's answer. */
export class ReportEmailError extends Error {
  readonly userMessage = "The weekly report email could not be sent; AdPilot will try again.";
  constructor(message: string) {
    super(message);
    this.name = "ReportEmailError";
  }
}

export const reportLinks = (reportId: string) => ({
  report: new URL(`/reports/${reportId}`, env.APP_URL).toString(),
  settings: new URL("/settings#reports", env.APP_URL).toString(),
});

/**
 * Emails a stored report to its owner, at most once: a report with `emailed_at`
 * is never sent again. The user's choice and the server's SMTP setting are read
 * now, not when the report was made, so turning the email off on Sunday holds.
 *
 * A refused or unreachable mail server is written to `email_error` and thrown,
 * so the job's normal retries send it later; a later success clears the error.
 *
 * The one gap: the server accepted the message but the process died (or the
 * database failed) before `emailed_at` was written. Then the retry sends it
 * again. We chose that over marking before sending, which would lose the email
 * for good on the same crash; the window is one UPDATE long, and the fixed
 * Message-ID lets mail systems that de-duplicate show the repeat once.
 */
export async function emailReport(reportId: string): Promise<EmailOutcome> {
  const [row] = await db
    .select({ summary: weeklyReports.summary, emailedAt: weeklyReports.emailedAt, to: users.email, wanted: users.weeklyReportEmail })
    .from(weeklyReports)
    .innerJoin(users, eq(users.id, weeklyReports.userId))
    .where(eq(weeklyReports.id, reportId));
  if (!row) return { sent: false, reason: "report_gone" };
  if (row.emailedAt) return { sent: false, reason: "already_sent" };
  if (!row.wanted) return { sent: false, reason: "opted_out" };
  if (!emailConfigured()) return { sent: false, reason: "not_configured" };

  const summary = row.summary as ReportSummary;
  const links = reportLinks(reportId);
  let messageId: string;
  try {
    ({ messageId } = await sendEmail({
      to: row.to,
      subject: reportSubject(summary),
      html: reportEmailHtml(summary, links),
      text: reportEmailText(summary, links),
      messageId: `<weekly-report-${reportId}@${new URL(env.APP_URL).hostname}>`,
    }));
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await db.update(weeklyReports).set({ emailError: message }).where(eq(weeklyReports.id, reportId));
    throw new ReportEmailError(message);
  }
  await db
    .update(weeklyReports)
    .set({ emailedAt: new Date(), emailError: null })
    .where(and(eq(weeklyReports.id, reportId), isNull(weeklyReports.emailedAt)));
  return { sent: true, messageId };
}
