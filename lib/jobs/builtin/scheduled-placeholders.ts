import { z } from "zod";
import { defineJob } from "../define-job";

/**
 * Scheduled jobs whose bodies land with their features (insights, optimizer,
 * reports). Until then each run records that it ran, so the
 * schedules are real and visible in the Activity list.
 */
function placeholder(name: string, feature: string) {
  return defineJob({
    name,
    schema: z.object({}).passthrough(),
    async run(context) {
      return context.step("record", () => ({ ranAt: new Date().toISOString(), note: `${feature} is not built yet; nothing to do.` }));
    },
  });
}

export const insightsSync = placeholder("insights.sync", "Insight sync");
export const optimizerDaily = placeholder("optimizer.daily", "Budget optimization");
export const reportsWeekly = placeholder("reports.weekly", "Weekly reports");
