import { Sparkles } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";

export const metadata: Metadata = { title: "Creative Studio" };

export default function StudioPage() {
  return (
    <>
      <PageHeader title="Creative Studio" description="On-brand ad images and videos for feed, Stories and Reels." />
      <EmptyState icon={Sparkles} title="Your creative library is empty">
        Image and video generation is not switched on in this version yet. When it is, you describe the ad and pick a
        format (1:1, 4:5, 9:16 or 16:9), and everything you make is kept here, searchable by tag.
      </EmptyState>
    </>
  );
}
