import { ChevronRight, FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Badge } from "@/components/ui/badge";
import { getSessionUser } from "@/lib/auth/session";
import { formatCount, periodLabel, resultWord, spendLabel } from "@/lib/reports/format";
import { listReports } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Freports");
  const reports = await listReports(user.id);
  return (
    <>
      <PageHeader title="Reports" description="Every Monday, how last week went: totals, best and worst campaigns, pacing and what to look at." />
      {reports.length === 0 ? (
        <EmptyState icon={FileText} title="No reports yet">
          The first weekly report is made on the Monday after your campaigns have results synced from Meta. You can have it
          emailed to you too: turn that on in <Link href="/settings#reports" className="underline">Settings</Link>.
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-xl border">
          {reports.map((report) => {
            const conversions = report.summary.totals.reduce((total, line) => total + line.current.conversions, 0);
            return (
              <li key={report.id}>
                <Link href={`/reports/${report.id}`} className="hover:bg-muted/50 flex items-center gap-3 p-4">
                  <div className="grid min-w-0 flex-1 gap-1">
                    <span className="font-medium">{periodLabel(report.periodStart, report.periodEnd)}</span>
                    <span className="text-muted-foreground text-sm">
                      {spendLabel(report.summary)} spent · {formatCount(conversions)} {resultWord(report.summary, conversions)}
                      {report.summary.openRecommendations.length > 0 && ` · ${report.summary.openRecommendations.length} to look at`}
                    </span>
                  </div>
                  {report.emailedAt && <Badge variant="outline">Emailed</Badge>}
                  <ChevronRight className="text-muted-foreground size-4 shrink-0" aria-hidden />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
