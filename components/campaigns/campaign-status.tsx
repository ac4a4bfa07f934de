import { Badge } from "@/components/ui/badge";
import type { Campaign } from "@/db/schema";

/** One badge for where a campaign stands, launch included: what a marketer needs at a glance. */
export function CampaignStatus({ campaign }: { campaign: Pick<Campaign, "status" | "launchState"> }) {
  if (campaign.launchState === "launching") return <Badge variant="secondary">Launching</Badge>;
  if (campaign.launchState === "failed") return <Badge variant="destructive">Launch stopped</Badge>;
  const labels = { draft: "Draft", active: "Active", paused: "Paused", completed: "Completed", archived: "Archived" } as const;
  return <Badge variant={campaign.status === "active" ? "default" : "outline"}>{labels[campaign.status]}</Badge>;
}
