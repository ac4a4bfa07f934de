import { PURPOSES } from "@/lib/campaigns/purposes";
import type { CampaignPurpose } from "@/db/schema";

/**
 * What "results" are called on a chart: "Leads" when every campaign shown
 * counts leads; "Results" when goals are mixed or count nothing in particular.
 */
export function resultsLabel(rows: Array<{ purpose: CampaignPurpose }>): string {
  const names = new Set(rows.map((row) => PURPOSES[row.purpose].resultName));
  const [only] = [...names];
  return names.size === 1 && only ? only.charAt(0).toUpperCase() + only.slice(1) : "Results";
}
