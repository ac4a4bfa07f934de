import { Badge } from "@/components/ui/badge";
import type { RunView } from "@/lib/jobs/runs";

const LOOK: Record<RunView["status"], { label: string; variant: "default" | "secondary" | "destructive" | "outline" }> = {
  queued: { label: "Queued", variant: "outline" },
  running: { label: "Running", variant: "default" },
  waiting: { label: "Waiting", variant: "secondary" },
  succeeded: { label: "Done", variant: "secondary" },
  failed: { label: "Failed", variant: "destructive" },
  cancelled: { label: "Cancelled", variant: "outline" },
};

export function RunStatusBadge({ status }: { status: RunView["status"] }) {
  const look = LOOK[status];
  return <Badge variant={look.variant}>{look.label}</Badge>;
}
