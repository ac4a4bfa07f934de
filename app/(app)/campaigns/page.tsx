import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";

export const metadata: Metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="Everything you run on Facebook and Instagram." />
      <EmptyState icon={Megaphone} title="No campaigns yet">
        The campaign builder is not available in this version yet. It will take you from a goal (leads, sales,
        awareness, app installs, events, store visits or retargeting) to live ads on Meta in a few steps.
      </EmptyState>
    </>
  );
}
