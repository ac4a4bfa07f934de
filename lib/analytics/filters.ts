import { z } from "zod";
import { parseRange, type DateRange } from "./range";

/** Columns the campaign table can be sorted by (also the CSV's order). */
export const SORT_KEYS = ["name", "spend", "impressions", "reach", "clicks", "ctr", "cpc", "conversions", "cpa", "roas"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** A campaign filter longer than this is not something a person picked by hand. */
const MAX_CAMPAIGNS = 100;

/** What the analytics page, its CSV export and the dashboard read from the URL. */
export type AnalyticsFilters = {
  range: DateRange;
  /** Why a custom range was refused (the default range is shown instead). */
  rangeError: string | null;
  /** Empty = all campaigns. Ids are only ever matched together with the user's id. */
  campaignIds: string[];
  /** Null = the currency with the most spend in the range. */
  currency: string | null;
  sort: SortKey;
  dir: SortDirection;
};

export type SearchParams = Record<string, string | string[] | undefined>;

function all(params: SearchParams | URLSearchParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const first = (params: SearchParams | URLSearchParams, name: string) => all(params, name)[0];

const uuid = z.uuid();
const currencyCode = z.string().regex(/^[A-Za-z]{3}$/).transform((value) => value.toUpperCase());

/** Reads filters from page searchParams or a request URL; anything malformed falls back to its default. */
export function parseFilters(params: SearchParams | URLSearchParams, today: string): AnalyticsFilters {
  const { range, error } = parseRange({ range: first(params, "range"), since: first(params, "since"), until: first(params, "until") }, today);
  // Campaigns may come as repeated params (a multi-select) or comma-separated (a shared link).
  const campaignIds = [...new Set(all(params, "campaign").flatMap((value) => value.split(",")).map((value) => value.trim()))]
    .filter((value) => uuid.safeParse(value).success)
    .slice(0, MAX_CAMPAIGNS);
  const currency = currencyCode.safeParse(first(params, "currency") ?? "");
  const sort = first(params, "sort");
  const dir = first(params, "dir");
  return {
    range,
    rangeError: error,
    campaignIds,
    currency: currency.success ? currency.data : null,
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "spend",
    dir: dir === "asc" || dir === "desc" ? dir : sort === "name" ? "asc" : "desc",
  };
}

/** The query string for these filters with some replaced: every link on the page keeps the rest. */
export function filtersQuery(filters: AnalyticsFilters, overrides: Partial<Pick<AnalyticsFilters, "sort" | "dir" | "currency">> & { range?: DateRange } = {}): string {
  const merged = { ...filters, ...overrides };
  const params = new URLSearchParams();
  if (merged.range.preset === "custom") {
    params.set("since", merged.range.since);
    params.set("until", merged.range.until);
  } else {
    params.set("range", merged.range.preset);
  }
  for (const id of merged.campaignIds) params.append("campaign", id);
  if (merged.currency) params.set("currency", merged.currency);
  params.set("sort", merged.sort);
  params.set("dir", merged.dir);
  return params.toString();
}
