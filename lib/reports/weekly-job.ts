import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";
import { startJob } from "@/lib/jobs/start-job";
import { buildSummary } from "./build-summary";
import { emailReport } from "./email-report";
import { usersWithData } from "./load-campaign-weeks";
import { storeReport } from "./store-report";
import { addDays, isIsoDate, isMonday, previousWeek, weekStarting } from "./week";

const monday = z.string().refine((value) => isIsoDate(value) && isMonday(value), "must be a Monday as YYYY-MM-DD");

/** Starts per batch step: a redelivery resumes at the first batch it had not finished. */
const START_BATCH = 100;

/**
 * One user's report for one week: build and store it (an upsert on user and
 * week), then email it if they asked for it and the server can send mail.
 * Each step can run again without doing anything twice.
 */
export const reportsWeeklyUser = defineJob({
  name: "reports.weekly-user",
  schema: z.object({ userId: z.uuid(), periodStart: monday }),
  async run(context) {
    const { userId, periodStart } = context.payload;
    const report = await context.step("report", async () => {
      const summary = await buildSummary(userId, weekStarting(periodStart));
      return { reportId: await storeReport(userId, summary), campaigns: summary.campaigns.length };
    });
    await context.progress(50, "Report saved");
    const email = await context.step("email", () => emailReport(report.reportId));
    return { reportId: report.reportId, email: email.sent ? "sent" : email.reason };
  },
});

/**
 * Monday's schedule: one `reports.weekly-user` run per user with campaign data
 * in the last week or the one before, keyed by user and week, so a redelivered
 * schedule (or a second run for the same week) creates nothing twice.
 * `periodStart` picks another week (a Monday); the schedule sends none.
 */
export const reportsWeekly = defineJob({
  name: "reports.weekly",
  schema: z.object({ periodStart: monday.optional() }).passthrough(),
  async run(context) {
    const week = await context.step("week", () => (context.payload.periodStart ? weekStarting(context.payload.periodStart) : previousWeek(new Date())));
    const userIds = await context.step("users", () => usersWithData(week, weekStarting(addDays(week.start, -7))));
    for (let start = 0; start < userIds.length; start += START_BATCH) {
      await context.step(`start-${start / START_BATCH}`, async () => {
        const batch = userIds.slice(start, start + START_BATCH);
        for (const userId of batch) {
          await startJob(reportsWeeklyUser, { userId, periodStart: week.start }, { userId, idempotencyKey: `${userId}:${week.start}` });
        }
        return { started: batch.length };
      });
      await context.progress(((start + START_BATCH) / userIds.length) * 100, `Queued reports for ${Math.min(userIds.length, start + START_BATCH)} of ${userIds.length} users`);
    }
    return { periodStart: week.start, users: userIds.length };
  },
});
