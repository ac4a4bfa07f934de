import { asOfDay, fromDayNumber, localDay } from "./calendar";
import { compareKeys, decodeCursor, encodeCursor, type RowKey } from "./cursor";
import { bucketFor, dayCount, parseIncrement, resolveDateRange, type DateRange, type Increment } from "./date-range";
import { invalidParameter, tooMuchData } from "./errors";
import { ENTITY_FIELDS, LEVEL_ID_FIELDS, levelDepth, parseFields, parseLevel, type Level } from "./fields";
import { matchesFilters, parseFiltering, type AdContext, type FilterSpec } from "./filtering";
import { addRecord, emptyTotals, metricValues, type MetricValue, type Totals } from "./metrics";
import { bareAccountId, simulateDelivery } from "./simulate";
import type { Ad, AdSet, AdTree, Campaign, DeliveryRecord } from "./types";

/**
 * The `GET /{id}/insights` edge as a pure function: resolve the parameters,
 * simulate the ads in scope, group their ad-days by level and time bucket, sum
 * and recompute ratios, then cursor-page the rows.
 */

/** Raw parameters as the core receives them: strings from a query, or already-parsed JSON. */
export type InsightsParams = {
  level?: string;
  fields?: string | string[];
  time_range?: string | { since?: string; until?: string };
  date_preset?: string;
  time_increment?: string | number;
  filtering?: string | FilterSpec[];
  limit?: string | number;
  after?: string;
  before?: string;
};

/** The object the edge was called on (`/act_1/insights`, `/{campaign_id}/insights`…). */
export type InsightsScope = { level: Level; id: string };

/** Validated parameters. Plain data, so an async report run can store it. */
export type ResolvedInsightsRequest = {
  level: Level;
  fields: string[];
  range: DateRange;
  increment: Increment;
  filters: FilterSpec[];
  scope?: InsightsScope;
};

export type InsightsOutputRow = Record<string, MetricValue>;

export type InsightsPaging = { cursors: { before: string; after: string }; next?: string; previous?: string };

export type InsightsPage = { data: InsightsOutputRow[]; paging?: InsightsPaging };

export type PageUrls = {
  /** Absolute URL of the next page for an `after` cursor (Meta clients fetch `paging.next` verbatim). */
  buildNextUrl?: (after: string) => string;
  buildPreviousUrl?: (before: string) => string;
};

/** Largest (days × ads) answered synchronously before 100/1487534. */
export const MAX_SYNC_CELLS = 5000;
/** Graph's default and maximum page sizes. */
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 5000;

export type InsightsQuery = PageUrls & {
  tree: AdTree;
  params: InsightsParams;
  asOf: string;
  /** Defaults to the account; also the default `level`. */
  scope?: InsightsScope;
  maxCells?: number;
};

export function queryInsights(query: InsightsQuery): InsightsPage {
  const request = resolveInsightsRequest(query.tree, query.params, query.asOf, query.scope);
  assertWithinCells(query.tree, request, query.maxCells ?? MAX_SYNC_CELLS);
  const rows = insightsRows(query.tree, request, query.asOf);
  return pageInsightsRows(rows, query.params, query);
}

export function resolveInsightsRequest(tree: AdTree, params: InsightsParams, asOf: string, scope?: InsightsScope): ResolvedInsightsRequest {
  const timeZone = tree.account.timezone;
  const today = fromDayNumber(asOfDay(asOf, timeZone));
  const filters = parseFiltering(params.filtering);
  const scopedCampaignIds = new Set(adsInScope(tree, { scope, filters }).map((ad) => ad.campaignId));
  const campaigns = tree.campaigns.filter((campaign) => scopedCampaignIds.has(campaign.id));
  const earliestDay = campaigns.length ? Math.min(...campaigns.map((campaign) => localDay(campaign.createdTime, timeZone))) : undefined;
  return {
    level: parseLevel(params.level, scope?.level ?? "account"),
    fields: parseFields(params.fields),
    range: resolveDateRange(params, today, earliestDay === undefined ? undefined : fromDayNumber(earliestDay)),
    increment: parseIncrement(params.time_increment),
    filters,
    ...(scope ? { scope } : {}),
  };
}

/** Ads under the scoped object that pass the filters. */
export function adsInScope(tree: AdTree, request: { scope?: InsightsScope; filters: FilterSpec[] }): Ad[] {
  const adsets = new Map(tree.adsets.map((adset) => [adset.id, adset]));
  const campaigns = new Map(tree.campaigns.map((campaign) => [campaign.id, campaign]));
  const scope = request.scope;
  return tree.ads.filter((ad) => {
    if (scope?.level === "campaign" && ad.campaignId !== scope.id) return false;
    if (scope?.level === "adset" && ad.adsetId !== scope.id) return false;
    if (scope?.level === "ad" && ad.id !== scope.id) return false;
    const context: AdContext = { ad, adset: adsets.get(ad.adsetId), campaign: campaigns.get(ad.campaignId) };
    return matchesFilters(context, request.filters);
  });
}

/** Throws 100/1487534 when the request spans more ad-days than `maxCells`, as Meta does for big synchronous reads. */
export function assertWithinCells(tree: AdTree, request: ResolvedInsightsRequest, maxCells: number): void {
  if (dayCount(request.range) * adsInScope(tree, request).length > maxCells) throw tooMuchData();
}

/** `first` is any record of the group: they all share the ids down to the group's level. */
type Group = { key: RowKey; bucket: DateRange; first: DeliveryRecord; totals: Totals };

/** Every row of the report, sorted by (bucket start, entity id): the order pages are cut in. */
export function insightsRows(tree: AdTree, request: ResolvedInsightsRequest, asOf: string): Array<{ key: RowKey; row: InsightsOutputRow }> {
  const ads = adsInScope(tree, request);
  if (ads.length === 0) return [];
  const wanted = new Set(ads.map((ad) => ad.id));
  const campaignIds = new Set(ads.map((ad) => ad.campaignId));
  // Simulate whole campaigns, then keep the wanted ads: budgets are shared across
  // siblings, so simulating a filtered subset would hand it its siblings' spend.
  const records = simulateDelivery({
    account: tree.account,
    campaigns: tree.campaigns.filter((campaign) => campaignIds.has(campaign.id)),
    adsets: tree.adsets.filter((adset) => campaignIds.has(adset.campaignId)),
    ads: tree.ads.filter((ad) => campaignIds.has(ad.campaignId)),
    since: request.range.since,
    until: request.range.until,
    asOf,
  }).filter((record) => wanted.has(record.adId));

  const groups = new Map<string, Group>();
  for (const record of records) {
    const bucket = bucketFor(record.date, request.range, request.increment);
    const key = { date: bucket.since, id: entityId(record, request.level) };
    const mapKey = `${key.date}|${key.id}`;
    let group = groups.get(mapKey);
    if (!group) {
      group = { key, bucket, first: record, totals: emptyTotals() };
      groups.set(mapKey, group);
    }
    addRecord(group.totals, record);
  }
  const lookup: Lookup = {
    campaigns: new Map(tree.campaigns.map((campaign) => [campaign.id, campaign])),
    adsets: new Map(tree.adsets.map((adset) => [adset.id, adset])),
    ads: new Map(tree.ads.map((ad) => [ad.id, ad])),
  };
  return [...groups.values()]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((group) => ({ key: group.key, row: renderRow(tree, lookup, request, group) }));
}

function entityId(record: DeliveryRecord, level: Level): string {
  switch (level) {
    case "account":
      return record.accountId;
    case "campaign":
      return record.campaignId;
    case "adset":
      return record.adsetId;
    case "ad":
      return record.adId;
  }
}

type Lookup = { campaigns: Map<string, Campaign>; adsets: Map<string, AdSet>; ads: Map<string, Ad> };

function renderRow(tree: AdTree, lookup: Lookup, request: ResolvedInsightsRequest, group: Group): InsightsOutputRow {
  const { first } = group;
  const campaign = lookup.campaigns.get(first.campaignId);
  const adset = lookup.adsets.get(first.adsetId);
  const ad = lookup.ads.get(first.adId);
  const entity: Record<string, string | undefined> = {
    account_id: bareAccountId(tree.account.id),
    account_name: tree.account.name,
    account_currency: tree.account.currency,
    campaign_id: first.campaignId,
    campaign_name: campaign?.name,
    objective: campaign?.objective,
    adset_id: first.adsetId,
    adset_name: adset?.name,
    optimization_goal: adset?.optimizationGoal,
    ad_id: first.adId,
    ad_name: ad?.name,
  };
  const metrics = metricValues(group.totals, tree.account.currency);
  const depth = levelDepth(request.level);
  const row: InsightsOutputRow = {};
  for (const field of LEVEL_ID_FIELDS[request.level]) row[field] = entity[field] as string;
  for (const field of request.fields) {
    const owner = ENTITY_FIELDS[field];
    const value = owner !== undefined ? (levelDepth(owner) <= depth ? entity[field] : undefined) : metrics[field];
    if (value !== undefined) row[field] = value;
  }
  row.date_start = group.bucket.since;
  row.date_stop = group.bucket.until;
  return row;
}

/** Cuts one page by `limit` and an `after` or `before` cursor. */
export function pageInsightsRows(
  rows: Array<{ key: RowKey; row: InsightsOutputRow }>,
  params: { limit?: string | number; after?: string; before?: string },
  urls: PageUrls,
): InsightsPage {
  const limit = parseLimit(params.limit);
  let start = 0;
  let end = Math.min(rows.length, limit);
  if (params.after) {
    const after = cursorKey(params.after);
    start = rows.findIndex((item) => compareKeys(item.key, after) > 0);
    if (start === -1) start = rows.length;
    end = Math.min(rows.length, start + limit);
  } else if (params.before) {
    const before = cursorKey(params.before);
    end = rows.findIndex((item) => compareKeys(item.key, before) >= 0);
    if (end === -1) end = rows.length;
    start = Math.max(0, end - limit);
  }
  const slice = rows.slice(start, end);
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (!first || !last) return { data: [] };
  const paging: InsightsPaging = { cursors: { before: encodeCursor(first.key), after: encodeCursor(last.key) } };
  if (end < rows.length && urls.buildNextUrl) paging.next = urls.buildNextUrl(paging.cursors.after);
  if (start > 0 && urls.buildPreviousUrl) paging.previous = urls.buildPreviousUrl(paging.cursors.before);
  return { data: slice.map((item) => item.row), paging };
}

function parseLimit(raw: string | number | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_LIMIT;
  const limit = typeof raw === "number" ? raw : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1) throw invalidParameter("limit must be a positive integer");
  return Math.min(limit, MAX_LIMIT);
}

function cursorKey(cursor: string): RowKey {
  const key = decodeCursor(cursor);
  if (!key) throw invalidParameter("Invalid cursor");
  return key;
}
