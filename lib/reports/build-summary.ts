import "server-only";
import { openRecommendations } from "./findings";
import { optimizerWeek } from "./optimizer-week";
import { highlights } from "./highlights";
import { loadCampaignWeeks, type CampaignFacts } from "./load-campaign-weeks";
import { activeDaysIn, pacingOf } from "./pacing";
import { totalsByCurrency } from "./sums";
import type { CampaignWeek, Pacing, ReportSummary } from "./types";
import { addDays, weekStarting, type Week } from "./week";

/** The report for one week from already-loaded campaign facts; pure, so its rules are testable on their own. */
export function summarize(week: Week, facts: CampaignFacts[]): ReportSummary {
  const previous = weekStarting(addDays(week.start, -7));
  const campaigns: CampaignWeek[] = facts.map((fact) => ({
    campaignId: fact.campaignId,
    name: fact.name,
    purpose: fact.purpose,
    status: fact.status,
    currency: fact.currency,
    current: fact.current,
    previous: fact.previous,
    activeDays: activeDaysIn(week, fact),
  }));
  const pacing = facts.map((fact) => pacingOf(week, fact)).filter((line): line is Pacing => line !== null);
  return {
    version: 1,
    periodStart: week.start,
    periodEnd: week.end,
    previousStart: previous.start,
    previousEnd: previous.end,
    totals: totalsByCurrency(campaigns),
    campaigns,
    highlights: highlights(campaigns),
    pacing,
    openRecommendations: openRecommendations(campaigns, pacing),
  };
}

/** Loads the user's campaign data for `week` and the week before, and builds the report with the optimizer's week. */
export async function buildSummary(userId: string, week: Week): Promise<ReportSummary> {
  const previous = weekStarting(addDays(week.start, -7));
  const [facts, optimizer] = await Promise.all([loadCampaignWeeks(userId, week, previous), optimizerWeek(userId, week)]);
  const summary = summarize(week, facts);
  return { ...summary, openRecommendations: [...summary.openRecommendations, ...optimizer.open], optimizer: optimizer.summary };
}
