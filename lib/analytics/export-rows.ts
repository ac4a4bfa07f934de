import { PURPOSES } from "@/lib/campaigns/purposes";
import { decimalOfCents } from "./decimal";
import type { CsvValue } from "./csv";
import type { CampaignRow, DailyPoint } from "./queries";
import type { Measured } from "./sums";

/**
 * The rows of the two tables on the analytics page, as CSV cells: the same
 * columns, order and rounding the page shows, in plain numbers (no currency
 * symbols or thousands separators) so a spreadsheet can add them up.
 */
const round = (value: number | null, digits: number): number | null => (value === null ? null : Number(value.toFixed(digits)));

const figures = (row: Measured): CsvValue[] => [
  decimalOfCents(row.spendCents),
  row.impressions,
  row.reach,
  row.clicks,
  round(row.ctr === null ? null : row.ctr * 100, 2),
  round(row.cpc, 2),
  row.conversions,
  round(row.cpa, 2),
  decimalOfCents(row.valueCents),
  round(row.roas, 2),
];

const FIGURE_HEADERS = ["Spend", "Impressions", "Reach", "Clicks", "CTR (%)", "CPC", "Results", "Cost per result", "Conversion value", "ROAS"];

export function campaignCsvRows(rows: CampaignRow[], currency: string): CsvValue[][] {
  return [
    ["Campaign", "Status", "Goal", "Currency", ...FIGURE_HEADERS],
    ...rows.map((row) => [row.name, row.status, PURPOSES[row.purpose].label, currency, ...figures(row)]),
  ];
}

export function dailyCsvRows(points: DailyPoint[], currency: string): CsvValue[][] {
  return [["Date", "Currency", ...FIGURE_HEADERS, "Still settling"], ...points.map((point) => [point.date, currency, ...figures(point), point.settling ? "yes" : "no"])];
}
