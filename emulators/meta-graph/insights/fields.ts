import { invalidParameter } from "./errors";

/**
 * The `level` and `fields` parameters. Rows always carry the ids of their
 * level and its parents (account_id, campaign_id, …) plus date_start and
 * date_stop, so a consumer can key them without asking; any other field comes
 * back only when requested.
 */
export type Level = "account" | "campaign" | "adset" | "ad";

export const LEVELS: readonly Level[] = ["account", "campaign", "adset", "ad"];

export const levelDepth = (level: Level): number => LEVELS.indexOf(level);

/** The id fields a row of each level always carries. */
export const LEVEL_ID_FIELDS: Record<Level, readonly string[]> = {
  account: ["account_id"],
  campaign: ["account_id", "campaign_id"],
  adset: ["account_id", "campaign_id", "adset_id"],
  ad: ["account_id", "campaign_id", "adset_id", "ad_id"],
};

/** Descriptive fields and the level they belong to; below that level they are left out, as on Meta. */
export const ENTITY_FIELDS: Record<string, Level> = {
  account_id: "account",
  account_name: "account",
  account_currency: "account",
  campaign_id: "campaign",
  campaign_name: "campaign",
  objective: "campaign",
  adset_id: "adset",
  adset_name: "adset",
  optimization_goal: "adset",
  ad_id: "ad",
  ad_name: "ad",
};

/** Metrics computed from summed delivery (see metrics.ts). */
export const METRIC_FIELDS = [
  "impressions", "reach", "frequency", "clicks", "inline_link_clicks", "spend", "ctr", "cpc", "cpm", "cpp",
  "actions", "action_values", "cost_per_action_type", "purchase_roas",
] as const;

const DATE_FIELDS = ["date_start", "date_stop"];

/** What Graph returns when `fields` is omitted. */
export const DEFAULT_FIELDS: readonly string[] = ["impressions", "spend"];

const KNOWN = new Set<string>([...Object.keys(ENTITY_FIELDS), ...METRIC_FIELDS, ...DATE_FIELDS]);

/** Comma list or array; `actions{action_type,value}` style sub-selections are accepted and ignored. */
export function parseFields(raw: string | string[] | undefined): string[] {
  if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) return [...DEFAULT_FIELDS];
  const text = Array.isArray(raw) ? raw.join(",") : raw;
  const names = text
    .replace(/\{[^}]*\}/g, "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const name of names) {
    if (!KNOWN.has(name)) {
      throw invalidParameter(`${name} is not valid for fields param. please check https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values`);
    }
  }
  return [...new Set(names)];
}

export function parseLevel(raw: string | undefined, fallback: Level): Level {
  if (raw === undefined || raw === "") return fallback;
  if (!(LEVELS as readonly string[]).includes(raw)) throw invalidParameter(`level must be one of the following values: ${LEVELS.join(", ")}`);
  return raw as Level;
}
