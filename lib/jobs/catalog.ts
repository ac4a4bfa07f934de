import "server-only";
import { outboxFlush } from "./builtin/outbox-flush";
import { metaTokenCheck, metaTokenRefresh } from "./builtin/meta-tokens";
import { optimizerDaily, optimizerUser } from "@/lib/optimizer/daily/jobs";
import { opsAlerts } from "@/lib/operations/alerts";
import { reportsWeekly, reportsWeeklyUser } from "@/lib/reports/weekly-job";
import { insightsSync, insightsSyncAccount } from "@/lib/analytics/sync/jobs";
import { brandAnalyze } from "@/lib/brand/analyze-job";
import { creativeGenerate } from "@/lib/creatives/generate-job";
import { campaignLaunch } from "@/lib/campaigns/launch/launch-job";
import { campaignUpdate } from "@/lib/campaigns/manage/update-job";
import type { JobDefinition } from "./define-job";
import { registerJob } from "./registry";

/** Every job the app runs. Importing this module registers them. */
export const JOBS: JobDefinition[] = [outboxFlush, insightsSync, optimizerDaily, reportsWeekly, metaTokenCheck, metaTokenRefresh, brandAnalyze, creativeGenerate, campaignLaunch, campaignUpdate, insightsSyncAccount, reportsWeeklyUser, optimizerUser, opsAlerts].map(
  (job) => registerJob(job as unknown as JobDefinition),
);
