// GET /api/analytics/export: the analytics page's campaign or daily table as CSV, for the signed-in user.
import { z } from "zod";
import { toCsv } from "@/lib/analytics/csv";
import { campaignCsvRows, dailyCsvRows } from "@/lib/analytics/export-rows";
import { parseFilters } from "@/lib/analytics/filters";
import { reportingToday } from "@/lib/analytics/today";
import { analyticsView } from "@/lib/analytics/views";
import { getSessionUser } from "@/lib/auth/session";
import { ownsCampaigns } from "@/lib/campaigns/list";
import { ApiError, notFound, unauthorized } from "@/lib/http/errors";

const table = z.enum(["campaigns", "daily"]);

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const which = table.safeParse(params.get("table") ?? "campaigns");
  const user = await getSessionUser();
  if (!user) return unauthorized().toResponse();
  if (!which.success) return new ApiError("bad_request:table", "Choose the campaigns or the daily table.").toResponse();
  const today = await reportingToday(user.id);
  const filters = parseFilters(params, today);
  // A file silently holding other dates than asked for would be worse than no file.
  if (filters.rangeError) return new ApiError("bad_request:range", filters.rangeError).toResponse();

  // A campaign id that is not the caller's answers 404, the same for someone else's and for one that never existed.
  if (filters.campaignIds.length > 0 && !(await ownsCampaigns(user.id, filters.campaignIds))) return notFound("campaign").toResponse();

  // The same function the page renders from: campaign ids are matched with the user's id as well.
  const view = await analyticsView(user.id, filters, today);
  const currency = view.currency ?? filters.currency ?? "";
  const rows = which.data === "campaigns" ? campaignCsvRows(view.rows, currency) : dailyCsvRows(view.daily, currency);
  const filename = `adpilot-${which.data}-${filters.range.since}-to-${filters.range.until}${currency ? `-${currency}` : ""}.csv`;
  // The byte-order mark makes Excel read the file as UTF-8 (campaign names with accents stay intact).
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
