import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { campaigns, users } from "@/db/schema";
import { tierLimits } from "@/lib/auth/tiers";
import { defineJob } from "@/lib/jobs/define-job";
import { startJob } from "@/lib/jobs/start-job";
import { applyRecommendation } from "./apply";
import { recommendFreshCreatives } from "./fatigue";
import { budgetGroups } from "./groups";
import { recommendForGroup } from "./recommend";

/**
 * One user's daily optimization: a budget recommendation per group of
 * campaigns, tired creatives flagged, and (for groups entirely on autopilot,
 * on plans that allow it) the budget moves applied on Meta. Every step can run
 * again without doing anything twice: recommendations are keyed by group and
 * day, and applying one claims it first.
 */
export const optimizerUser = defineJob({
  name: "optimizer.user",
  schema: z.object({ userId: z.uuid(), day: z.iso.date() }),
  async run(context) {
    const { userId } = context.payload;
    const budget = await context.step("budget", async () => {
      const [user] = await db.select({ tier: users.subscriptionTier }).from(users).where(eq(users.id, userId));
      if (!user) return [];
      const autopilotAllowed = tierLimits(user.tier).autopilot;
      const made = [];
      for (const group of await budgetGroups(userId)) {
        const recommendation = await recommendForGroup(group, { autopilot: autopilotAllowed && group.autopilot });
        if (recommendation) made.push({ id: recommendation.id, autopilot: recommendation.mode === "autopilot" && recommendation.status === "open" });
      }
      return made;
    });
    await context.progress(50, "Budget recommendations ready");
    const fatigue = await context.step("fatigue", async () => ({ raised: await recommendFreshCreatives(userId) }));
    let applied = 0;
    for (const recommendation of budget.filter((item) => item.autopilot)) {
      const outcome = await context.step(`apply:${recommendation.id}`, async () => {
        const result = await applyRecommendation(userId, recommendation.id, "autopilot");
        return { ok: result.ok, message: result.ok ? null : result.message };
      });
      if (outcome.ok) applied++;
    }
    return { recommendations: budget.length, applied, fatigue: fatigue.raised };
  },
});

/** The daily schedule: one `optimizer.user` run per user with a live campaign the optimizer may look at, keyed by user and day. */
export const optimizerDaily = defineJob({
  name: "optimizer.daily",
  schema: z.object({}).passthrough(),
  async run(context) {
    const { day, userIds } = await context.step("users", async () => {
      const rows = await db
        .selectDistinct({ userId: campaigns.userId })
        .from(campaigns)
        .where(and(eq(campaigns.status, "active"), ne(campaigns.optimizerMode, "off"), sql`${campaigns.metaCampaignId} is not null`));
      return { day: new Date().toISOString().slice(0, 10), userIds: rows.map((row) => row.userId) };
    });
    for (const userId of userIds) {
      await startJob(optimizerUser, { userId, day }, { userId, idempotencyKey: `${userId}:${day}` });
    }
    return { users: userIds.length };
  },
});
