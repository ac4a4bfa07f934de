import { db } from "@/db";
import { campaigns, performanceAnalytics, type CampaignDraft } from "@/db/schema";

/** Tests only: campaigns and their daily rows inserted directly, as the insights sync would leave them. */
export type DayRow = { date: string; spend: string; conversions?: number; value?: string; clicks?: number; impressions?: number };

export type SeedCampaign = {
  name: string;
  purpose: (typeof campaigns.$inferInsert)["purpose"];
  currency?: string;
  status?: (typeof campaigns.$inferInsert)["status"];
  dailyBudget?: string;
  totalBudget?: string;
  startTime?: Date;
  endTime?: Date;
  days: DayRow[];
};

export async function seedCampaign(userId: string, seed: SeedCampaign): Promise<{ id: string; currency: string; days: DayRow[] }> {
  const currency = seed.currency ?? "USD";
  const kind = seed.dailyBudget ? "daily" : seed.totalBudget ? "lifetime" : undefined;
  const draft: CampaignDraft = kind ? { step: "review", budget: { kind, amount: 0, level: "campaign" } } : { step: "review" };
  const [row] = await db
    .insert(campaigns)
    .values({
      userId,
      name: seed.name,
      purpose: seed.purpose,
      status: seed.status ?? "active",
      currency,
      dailyBudget: seed.dailyBudget,
      totalBudget: seed.totalBudget,
      startTime: seed.startTime,
      endTime: seed.endTime,
      draft,
    })
    .returning({ id: campaigns.id });
  if (seed.days.length > 0) {
    await db.insert(performanceAnalytics).values(
      seed.days.map((day) => ({
        userId,
        campaignId: row!.id,
        date: day.date,
        spend: day.spend,
        conversions: day.conversions ?? 0,
        conversionValue: day.value ?? "0",
        clicks: day.clicks ?? 0,
        impressions: day.impressions ?? 0,
      })),
    );
  }
  return { id: row!.id, currency, days: seed.days };
}

/** Every date from `start` for `count` days, YYYY-MM-DD. */
export function dates(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => new Date(Date.parse(`${start}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));
}
