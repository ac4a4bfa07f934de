import { Palette } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";

export const metadata: Metadata = { title: "Brand" };

export default function BrandPage() {
  return (
    <>
      <PageHeader title="Brand" description="Your colours, logo and voice, used in every creative." />
      <EmptyState icon={Palette} title="No brand profile yet">
        Website analysis is not switched on in this version yet. When it is, you paste your website address and AdPilot
        pulls your colours, logo, fonts and tone of voice into a brand kit you can edit.
      </EmptyState>
    </>
  );
}
