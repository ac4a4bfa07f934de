import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import type { AdDayRow } from "./rows";

/**
 * One writer of a user's performance rows at a time, until the transaction ends:
 * the user's daily totals span all their ad accounts, and two accounts' syncs
 * (or a sync and a deletion) re-deriving the same day concurrently would each
 * miss the other's rows.
 */
export async function lockUserAnalytics(tx: Queryable, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:${userId}`}, 0))`);
}

/**
 * Writes one page of ad-day rows and re-derives the campaign-day rows they
 * touch, in the caller's transaction. Both are single set-based statements:
 * the rows travel as one JSON parameter and are expanded by jsonb_to_recordset,
 * which works the same on PostgreSQL and PGlite and never goes row by row.
 * Upserts make a re-pulled window (or a re-delivered page) change nothing
 * unless Meta's numbers changed.
 */
export async function storeAdDays(tx: Queryable, target: { adAccountId: string; userId: string }, rows: AdDayRow[]): Promise<void> {
  if (rows.length === 0) return;
  await lockUserAnalytics(tx, target.userId);
  const payload = JSON.stringify(
    rows.map((row) => ({
      meta_ad_id: row.metaAdId,
      date: row.date,
      campaign_id: row.campaignId,
      meta_campaign_id: row.metaCampaignId,
      meta_ad_set_id: row.metaAdSetId,
      impressions: row.impressions,
      reach: row.reach,
      clicks: row.clicks,
      spend: row.spend,
      conversions: row.conversions,
      conversion_value: row.conversionValue,
      action_type: row.actionType,
    })),
  );
  await tx.execute(sql`
    insert into ad_insights_daily as d (ad_account_id, user_id, meta_ad_id, date, campaign_id, meta_campaign_id, meta_ad_set_id,
      impressions, reach, clicks, spend, conversions, conversion_value, action_type, synced_at)
    select ${target.adAccountId}::uuid, ${target.userId}::uuid, r.meta_ad_id, r.date, r.campaign_id, r.meta_campaign_id, r.meta_ad_set_id,
      r.impressions, r.reach, r.clicks, r.spend, r.conversions, r.conversion_value, r.action_type, now()
    from jsonb_to_recordset(${payload}::jsonb) as r(meta_ad_id varchar, date date, campaign_id uuid, meta_campaign_id varchar, meta_ad_set_id varchar,
      impressions bigint, reach bigint, clicks bigint, spend numeric, conversions bigint, conversion_value numeric, action_type varchar)
    on conflict (ad_account_id, meta_ad_id, date) do update set
      campaign_id = excluded.campaign_id, meta_campaign_id = excluded.meta_campaign_id, meta_ad_set_id = excluded.meta_ad_set_id,
      impressions = excluded.impressions, reach = excluded.reach, clicks = excluded.clicks, spend = excluded.spend,
      conversions = excluded.conversions, conversion_value = excluded.conversion_value, action_type = excluded.action_type, synced_at = now()`);

  const campaignIds = [...new Set(rows.flatMap((row) => (row.campaignId ? [row.campaignId] : [])))];
  if (campaignIds.length === 0) return;
  const dates = rows.map((row) => row.date).sort();
  await rollUp(tx, campaignIds, dates[0]!, dates[dates.length - 1]!);
  await refreshUserDaily(tx, target.userId, dates[0]!, dates[dates.length - 1]!);
}

/**
 * performance_analytics for these campaigns and days, summed from their ad rows.
 * Ratios are derived from the sums (null when the denominator is zero), never
 * averaged. Reach is the sum over ads, so it can count a person twice.
 */
export async function rollUp(tx: Queryable, campaignIds: string[], since: string, until: string): Promise<void> {
  await tx.execute(sql`
    insert into performance_analytics as p (user_id, campaign_id, date, impressions, reach, clicks, spend, conversions, conversion_value, ctr, cpa, roas, updated_at)
    select d.user_id, d.campaign_id, d.date, sum(d.impressions), sum(d.reach), sum(d.clicks), sum(d.spend), sum(d.conversions), sum(d.conversion_value),
      case when sum(d.impressions) > 0 then round(sum(d.clicks)::numeric / sum(d.impressions), 4) end,
      case when sum(d.conversions) > 0 then round(sum(d.spend) / sum(d.conversions), 2) end,
      case when sum(d.spend) > 0 then round(sum(d.conversion_value) / sum(d.spend), 2) end,
      now()
    from ad_insights_daily d
    where d.campaign_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(campaignIds)}::jsonb))
      and d.date between ${since}::date and ${until}::date
    group by d.user_id, d.campaign_id, d.date
    on conflict (campaign_id, date) do update set
      impressions = excluded.impressions, reach = excluded.reach, clicks = excluded.clicks, spend = excluded.spend,
      conversions = excluded.conversions, conversion_value = excluded.conversion_value,
      ctr = excluded.ctr, cpa = excluded.cpa, roas = excluded.roas, updated_at = now()`);
  await refreshRunningTotals(tx, campaignIds, since);
}

/**
 * Re-derives the running totals of these campaigns from `since` on: each row's
 * sums up to its day, starting from the last row before `since`. Every row after
 * `since` is included, so a changed past day carries through to today.
 */
export async function refreshRunningTotals(tx: Queryable, campaignIds: string[], since: string): Promise<void> {
  if (campaignIds.length === 0) return;
  await tx.execute(sql`
    update performance_analytics as p set
      cum_impressions = x.ci, cum_reach = x.cr, cum_clicks = x.cc, cum_spend = x.cs, cum_conversions = x.cv, cum_conversion_value = x.cval
    from (
      select q.id,
        coalesce(b.cum_impressions, 0) + sum(q.impressions) over w as ci,
        coalesce(b.cum_reach, 0) + sum(q.reach) over w as cr,
        coalesce(b.cum_clicks, 0) + sum(q.clicks) over w as cc,
        coalesce(b.cum_spend, 0) + sum(q.spend) over w as cs,
        coalesce(b.cum_conversions, 0) + sum(q.conversions) over w as cv,
        coalesce(b.cum_conversion_value, 0) + sum(q.conversion_value) over w as cval
      from performance_analytics q
      left join lateral (
        select r.cum_impressions, r.cum_reach, r.cum_clicks, r.cum_spend, r.cum_conversions, r.cum_conversion_value
        from performance_analytics r
        where r.campaign_id = q.campaign_id and r.date < ${since}::date
        order by r.date desc limit 1
      ) b on true
      where q.campaign_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(campaignIds)}::jsonb)) and q.date >= ${since}::date
      window w as (partition by q.campaign_id order by q.date)
    ) as x
    where p.id = x.id`);
}

/**
 * The user's per-currency totals for these days, re-derived from their campaign
 * rows (callers hold the user's advisory lock, see storeAdDays). A day or
 * currency with no campaign rows left is removed.
 */
export async function refreshUserDaily(tx: Queryable, userId: string, since: string, until: string): Promise<void> {
  await tx.execute(sql`delete from user_daily_performance where user_id = ${userId} and date between ${since}::date and ${until}::date`);
  await tx.execute(sql`
    insert into user_daily_performance (user_id, currency, date, impressions, reach, clicks, spend, conversions, conversion_value)
    select p.user_id, c.currency, p.date, sum(p.impressions), sum(p.reach), sum(p.clicks), sum(p.spend), sum(p.conversions), sum(p.conversion_value)
    from performance_analytics p join campaigns c on c.id = p.campaign_id
    where p.user_id = ${userId} and p.date between ${since}::date and ${until}::date
    group by p.user_id, c.currency, p.date`);
}
