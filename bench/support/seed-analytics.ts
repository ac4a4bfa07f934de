import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import type { CampaignPurpose } from "@/db/schema";

export type CampaignHistory = {
  userId: string;
  campaigns: number;
  /** Days of performance per campaign, ending `today`. */
  days: number;
  today: string;
  /** Every nth campaign is in EUR, the others in USD; 0 for all USD. */
  eurEvery?: number;
  /** Purposes of the campaigns in turn (default all "sales"). */
  purposes?: CampaignPurpose[];
  /** The Meta connection and ad account ("act_…") the campaigns run on, when the bench has one. */
  account?: { metaAccountId: string; adAccountId: string };
};

/**
 * Launched campaigns with one performance row per day, generated in SQL (one
 * statement per table, no row data crossing the wire), then the running totals
 * and daily roll-ups the sync keeps, derived by the sync's own functions.
 * Returns the campaign ids.
 */
export async function seedCampaignHistory(db: Queryable, options: CampaignHistory): Promise<string[]> {
  // Imported here, not at the top: a bench sets DATABASE_URL before the app's modules load.
  const { refreshRunningTotals, refreshUserDaily } = await import("@/lib/analytics/sync/store-rows");
  const purposes = `{${(options.purposes ?? ["sales"]).join(",")}}`;
  const eurEvery = options.eurEvery ?? 0;
  const ids = (await db.execute(sql`
    insert into campaigns (user_id, meta_account_id, ad_account_id, name, purpose, status, currency, daily_budget, meta_campaign_id, meta_status, launch_state)
    select ${options.userId}, ${options.account?.metaAccountId ?? null}::uuid, ${options.account?.adAccountId ?? null}, 'Campaign ' || n,
      (${purposes}::campaign_purpose[])[1 + (n - 1) % cardinality(${purposes}::campaign_purpose[])], 'active',
      case when ${eurEvery} > 0 and n % ${eurEvery} = 0 then 'EUR' else 'USD' end, 10 + (n % 8) * 5, '12' || n, 'ACTIVE', 'launched'
    from generate_series(1, ${options.campaigns}) as n
    returning id`)) as unknown as Array<{ id: string }>;
  await db.execute(sql`
    insert into performance_analytics (user_id, campaign_id, date, impressions, reach, clicks, spend, conversions, conversion_value)
    select c.user_id, c.id, (${options.today}::date - d),
      (random() * 20000)::bigint, (random() * 10000)::bigint, (random() * 400)::bigint,
      round((random() * 500)::numeric, 2), (random() * 12)::bigint, round((random() * 2000)::numeric, 2)
    from campaigns c cross join generate_series(0, ${options.days - 1}) as d
    where c.user_id = ${options.userId}`);
  const campaignIds = ids.map((row) => row.id);
  await refreshRunningTotals(db, campaignIds, "1970-01-01");
  await refreshUserDaily(db, options.userId, "1970-01-01", options.today);
  return campaignIds;
}
