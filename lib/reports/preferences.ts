import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";

/** Whether the user asked for the weekly report by email (off until they turn it on). */
export async function weeklyReportEmailWanted(userId: string): Promise<boolean> {
  const [row] = await db.select({ wanted: users.weeklyReportEmail }).from(users).where(eq(users.id, userId));
  return row?.wanted ?? false;
}

/** Turns the weekly email on or off for this user only, with an audit entry. */
export async function setWeeklyReportEmail(userId: string, wanted: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ wanted: users.weeklyReportEmail }).from(users).where(eq(users.id, userId)).for("update");
    if (!before || before.wanted === wanted) return;
    await tx.update(users).set({ weeklyReportEmail: wanted }).where(eq(users.id, userId));
    await recordAudit(tx, {
      userId,
      action: "reports.email_preference",
      entityType: "user",
      entityId: userId,
      before: { weeklyReportEmail: before.wanted },
      after: { weeklyReportEmail: wanted },
    });
  });
}
