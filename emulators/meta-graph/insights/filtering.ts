import { invalidParameter } from "./errors";
import type { Ad, AdSet, Campaign, DeliveryStatus } from "./types";

/**
 * `filtering=[{"field":"campaign.id","operator":"IN","value":[…]}]` on
 * insights. Filters select ads by attributes of the ad or its parents; peers
 * use id filters to split a too-large request, and effective_status to
 * include archived/deleted objects.
 */
export type FilterSpec = { field: string; operator: string; value: unknown };

const OPERATORS = new Set(["EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "CONTAIN", "NOT_CONTAIN"]);

export type AdContext = { ad: Ad; adset: AdSet | undefined; campaign: Campaign | undefined };

/** Meta's effective_status: the ad's own status unless a parent is not ACTIVE. */
function effectiveStatus(own: DeliveryStatus, parents: Array<{ status: DeliveryStatus; prefix: string } | undefined>): string {
  for (const parent of parents) {
    if (parent && parent.status !== "ACTIVE") return parent.status === "PAUSED" ? `${parent.prefix}_PAUSED` : parent.status;
  }
  return own;
}

const FIELD_VALUES: Record<string, (context: AdContext) => string | undefined> = {
  "campaign.id": ({ ad }) => ad.campaignId,
  "campaign.name": ({ campaign }) => campaign?.name,
  "campaign.objective": ({ campaign }) => campaign?.objective,
  "campaign.effective_status": ({ campaign }) => campaign?.status,
  "adset.id": ({ ad }) => ad.adsetId,
  "adset.name": ({ adset }) => adset?.name,
  "adset.effective_status": ({ adset, campaign }) =>
    adset ? effectiveStatus(adset.status, [campaign && { status: campaign.status, prefix: "CAMPAIGN" }]) : undefined,
  "ad.id": ({ ad }) => ad.id,
  "ad.name": ({ ad }) => ad.name,
  "ad.effective_status": ({ ad, adset, campaign }) =>
    effectiveStatus(ad.status, [campaign && { status: campaign.status, prefix: "CAMPAIGN" }, adset && { status: adset.status, prefix: "ADSET" }]),
};

/** Parses and validates the parameter (a JSON string or an already-parsed array). */
export function parseFiltering(raw: string | FilterSpec[] | undefined): FilterSpec[] {
  if (raw === undefined || raw === "") return [];
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      throw invalidParameter("filtering must be a JSON array of {field, operator, value}");
    }
  }
  if (!Array.isArray(value)) throw invalidParameter("filtering must be a JSON array of {field, operator, value}");
  return value.map((item: unknown): FilterSpec => {
    const spec = item as Partial<FilterSpec> | null;
    if (!spec || typeof spec.field !== "string" || typeof spec.operator !== "string" || !("value" in spec)) {
      throw invalidParameter("Each filtering entry needs field, operator and value");
    }
    const field = spec.field.replace(/_id$/, ".id");
    const operator = spec.operator.toUpperCase();
    if (!(field in FIELD_VALUES)) throw invalidParameter(`Filtering field ${spec.field} is not supported`);
    if (!OPERATORS.has(operator)) throw invalidParameter(`Filtering operator ${spec.operator} is not supported`);
    if ((operator === "IN" || operator === "NOT_IN") && !Array.isArray(spec.value)) throw invalidParameter(`Filtering operator ${operator} needs an array value`);
    return { field, operator, value: spec.value };
  });
}

export function matchesFilters(context: AdContext, filters: FilterSpec[]): boolean {
  return filters.every((filter) => {
    const actual = (FIELD_VALUES[filter.field] as (context: AdContext) => string | undefined)(context) ?? "";
    const list = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
    const needle = String(filter.value).toLowerCase();
    switch (filter.operator) {
      case "EQUAL":
        return actual === String(filter.value);
      case "NOT_EQUAL":
        return actual !== String(filter.value);
      case "IN":
        return list.includes(actual);
      case "NOT_IN":
        return !list.includes(actual);
      case "CONTAIN":
        return actual.toLowerCase().includes(needle);
      default:
        return !actual.toLowerCase().includes(needle);
    }
  });
}
