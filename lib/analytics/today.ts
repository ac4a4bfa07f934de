import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { metaAdAccounts } from "@/db/schema";
import { todayUtc } from "./range";
import { localDate } from "./sync/window";

/**
 * "Today" for the user's numbers: Meta reports days in each ad account's own
 * time zone, so it is the latest local date among their connected accounts
 * (an account in Sydney is already in tomorrow when London is not). UTC when
 * nothing is connected.
 */
export async function reportingToday(userId: string, now = new Date()): Promise<string> {
  const accounts = await db
    .select({ timezone: metaAdAccounts.timezone })
    .from(metaAdAccounts)
    .where(and(eq(metaAdAccounts.userId, userId), eq(metaAdAccounts.connected, true)));
  const dates = accounts.map((account) => localDate(now, account.timezone));
  return dates.length > 0 ? dates.sort().at(-1)! : todayUtc(now);
}
