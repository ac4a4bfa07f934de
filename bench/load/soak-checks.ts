import { sql } from "drizzle-orm";
import { db, resultRows } from "@/db";
import type { Truth } from "@/lib/analytics/sync/ground-truth";

export type Check = { name: string; expected: string; actual: string; ok: boolean };

export type Totals = { rows: string; keys: string; spend: string; impressions: string; clicks: string; conversions: string; value: string };

const query = async <Row>(statement: ReturnType<typeof sql>) => resultRows<Row>(await db.execute(statement));
/** Exact, non-negative decimal text ("1234.5") as integer cents, never through a float. */
const cents = (decimal: string) => {
  const [whole, fraction = ""] = decimal.split(".");
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
};
const money = (minor: bigint) => `${(minor / 100n).toLocaleString("en-US")}.${String(minor % 100n).padStart(2, "0")}`;
const count = (value: number | string) => Number(value).toLocaleString("en-US");

/** Several accounts' totals as one, added exactly (money as integer cents). */
export function sumTotals(rows: Totals[]): Totals {
  const add = (key: keyof Totals) => rows.reduce((total, row) => total + BigInt(row[key]), 0n).toString();
  const addMoney = (key: "spend" | "value") => {
    const total = rows.reduce((sum, row) => sum + cents(row[key]), 0n);
    return `${total / 100n}.${String(total % 100n).padStart(2, "0")}`;
  };
  return { rows: add("rows"), keys: add("keys"), spend: addMoney("spend"), impressions: add("impressions"), clicks: add("clicks"), conversions: add("conversions"), value: addMoney("value") };
}

/**
 * What the sync stored next to what Meta says happened: money to the cent, counts, and
 * (for ad-day rows, which match Meta's one for one) the number of rows.
 */
export function compareTotals(label: string, stored: Totals, truth: Truth, options: { rows: boolean }): Check[] {
  const pairs: Array<[string, string, string]> = [
    ...(options.rows ? [["rows", count(truth.rows), count(stored.rows)] as [string, string, string]] : []),
    ["spend", money(BigInt(truth.spendMinor)), money(cents(stored.spend))],
    ["impressions", count(truth.impressions), count(stored.impressions)],
    ["clicks", count(truth.clicks), count(stored.clicks)],
    ["conversions", count(truth.conversions), count(stored.conversions)],
    ["conversion value", money(BigInt(truth.valueMinor)), money(cents(stored.value))],
  ];
  return pairs.map(([name, expected, actual]) => ({ name: `${label}: ${name}`, expected, actual, ok: expected === actual }));
}

/** Sums of the ad-day rows of one ad account (every campaign, AdPilot's or not). */
export async function adDayTotals(adAccountRowId: string): Promise<Totals> {
  const [row] = await query<Totals>(sql`
    select count(*)::text as rows, count(distinct (meta_ad_id, date))::text as keys, coalesce(sum(spend), 0)::text as spend,
      coalesce(sum(impressions), 0)::text as impressions, coalesce(sum(clicks), 0)::text as clicks,
      coalesce(sum(conversions), 0)::text as conversions, coalesce(sum(conversion_value), 0)::text as value
    from ad_insights_daily where ad_account_id = ${adAccountRowId}`);
  return row!;
}

/** Sums of the campaign-day rows of the user's campaigns on one ad account ("act_…"). */
export async function campaignDayTotals(userId: string, adAccountId: string): Promise<Totals> {
  const [row] = await query<Totals>(sql`
    select count(*)::text as rows, count(distinct (p.campaign_id, p.date))::text as keys, coalesce(sum(p.spend), 0)::text as spend,
      coalesce(sum(p.impressions), 0)::text as impressions, coalesce(sum(p.clicks), 0)::text as clicks,
      coalesce(sum(p.conversions), 0)::text as conversions, coalesce(sum(p.conversion_value), 0)::text as value
    from performance_analytics p join campaigns c on c.id = p.campaign_id
    where p.user_id = ${userId} and c.ad_account_id = ${adAccountId}`);
  return row!;
}

/**
 * The roll-ups agree with what they are derived from, row by row: each
 * campaign-day is the sum of its ad rows, each running total the sum of the
 * days up to it, each daily user total the sum of that day's campaigns.
 */
export async function rollUpMismatches(userId: string): Promise<{ campaignDays: number; runningTotals: number; userDays: number }> {
  const [campaignDays] = await query<{ n: number }>(sql`
    with ads as (
      select campaign_id, date, sum(impressions) as impressions, sum(clicks) as clicks, sum(spend) as spend, sum(conversions) as conversions, sum(conversion_value) as value
      from ad_insights_daily where user_id = ${userId} and campaign_id is not null group by campaign_id, date
    ), days as (select * from performance_analytics where user_id = ${userId})
    select count(*)::int as n from ads full join days using (campaign_id, date)
    where ads.spend is distinct from days.spend or ads.impressions is distinct from days.impressions or ads.clicks is distinct from days.clicks
      or ads.conversions is distinct from days.conversions or ads.value is distinct from days.conversion_value`);
  const [runningTotals] = await query<{ n: number }>(sql`
    select count(*)::int as n from (
      select cum_spend, cum_impressions, cum_clicks, cum_conversions, cum_conversion_value,
        sum(spend) over w as spend, sum(impressions) over w as impressions, sum(clicks) over w as clicks,
        sum(conversions) over w as conversions, sum(conversion_value) over w as value
      from performance_analytics where user_id = ${userId}
      window w as (partition by campaign_id order by date)
    ) running
    where cum_spend <> spend or cum_impressions <> impressions or cum_clicks <> clicks or cum_conversions <> conversions or cum_conversion_value <> value`);
  const [userDays] = await query<{ n: number }>(sql`
    with campaigns_by_day as (
      select c.currency, p.date, sum(p.spend) as spend, sum(p.impressions) as impressions, sum(p.conversions) as conversions, sum(p.conversion_value) as value
      from performance_analytics p join campaigns c on c.id = p.campaign_id where p.user_id = ${userId} group by c.currency, p.date
    ), totals as (select * from user_daily_performance where user_id = ${userId})
    select count(*)::int as n from campaigns_by_day full join totals using (currency, date)
    where campaigns_by_day.spend is distinct from totals.spend or campaigns_by_day.impressions is distinct from totals.impressions
      or campaigns_by_day.conversions is distinct from totals.conversions or campaigns_by_day.value is distinct from totals.conversion_value`);
  return { campaignDays: campaignDays!.n, runningTotals: runningTotals!.n, userDays: userDays!.n };
}
