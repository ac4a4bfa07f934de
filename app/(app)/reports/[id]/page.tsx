import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/common/page-header";
import { ReportView } from "@/components/reports/report-view";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { periodLabel } from "@/lib/reports/format";
import { getReport } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Weekly report" };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Freports");
  const { id } = await params;
  const parsed = z.uuid().safeParse(id);
  // Someone else's report reads exactly like one that does not exist.
  const report = parsed.success ? await getReport(user.id, parsed.data) : null;
  if (!report) notFound();
  return (
    <>
      <PageHeader
        title={`Week of ${periodLabel(report.periodStart, report.periodEnd)}`}
        description="Compared with the week before. The last days may still change as Meta attributes late results."
        actions={
          <Button asChild variant="ghost">
            <Link href="/reports">
              <ArrowLeft aria-hidden /> Reports
            </Link>
          </Button>
        }
      />
      {report.emailError && !report.emailedAt && (
        <p role="status" className="text-muted-foreground mb-6 text-sm">
          The email for this report was not sent: the mail server refused it ({report.emailError.slice(0, 200)}). AdPilot retries a few times; if the
          report is a week old it will not be sent any more, but it stays here.
        </p>
      )}
      <ReportView summary={report.summary} />
    </>
  );
}
