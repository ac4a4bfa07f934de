import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";

export const metadata: Metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="What your ad money did, day by day." />
      <EmptyState icon={BarChart3} title="Nothing to analyse yet">
        Once a campaign has run and its results are synced from Meta, this page shows spend, reach, clicks, conversions,
        cost per result and return on ad spend, with charts and a CSV export.
      </EmptyState>
    </>
  );
}
