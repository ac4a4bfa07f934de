import { RefreshCw } from "lucide-react";
import { regenerateAction } from "@/app/(app)/studio/actions";
import { AssetThumb } from "@/components/library/asset-thumb";
import { LiveRun } from "@/components/jobs/live-run";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CreativeAsset, GenerationRequest } from "@/db/schema";

const STATUS: Record<GenerationRequest["status"], { label: string; variant: "default" | "secondary" | "destructive" | "outline" }> = {
  running: { label: "Working", variant: "secondary" },
  succeeded: { label: "Done", variant: "default" },
  partial: { label: "Partly done", variant: "outline" },
  failed: { label: "Failed", variant: "destructive" },
};

/** The last few Studio requests with what each produced, what failed and why, and a way to run it again. */
export function GenerationList({ requests, assets }: { requests: GenerationRequest[]; assets: CreativeAsset[] }) {
  return (
    <ol className="grid gap-4" aria-label="Recent generations">
      {requests.map((request) => {
        const produced = assets.filter((asset) => asset.generationId === request.id);
        const status = STATUS[request.status];
        return (
          <li key={request.id} className="grid gap-3 rounded-lg border p-4" data-testid="generation">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="line-clamp-2 text-sm font-medium">{request.prompt}</p>
                <p className="text-muted-foreground text-xs">
                  {request.assetType === "video" ? "Video" : "Images"} · {request.params.formats.join(", ")} · {request.params.style}
                  {request.params.variants > 1 ? ` · ${request.params.variants} variants` : ""} · {request.createdAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" })}
                </p>
              </div>
              <Badge variant={status.variant}>{status.label}</Badge>
            </div>
            {request.status === "running" && request.jobRunId && <LiveRun runId={request.jobRunId} />}
            {produced.length > 0 && (
              <div className="flex flex-wrap gap-2">
                {produced.map((asset) => (
                  <AssetThumb key={asset.id} asset={asset} className="h-28 w-28" />
                ))}
              </div>
            )}
            {request.failures.length > 0 && (
              <ul className="text-destructive grid gap-1 text-xs">
                {request.failures.map((failure) => (
                  <li key={`${failure.format}-${failure.variant}`}>
                    {failure.format}
                    {request.params.variants > 1 ? ` variant ${failure.variant + 1}` : ""}: {failure.message}
                  </li>
                ))}
              </ul>
            )}
            {request.status !== "running" && (
              <form action={regenerateAction}>
                <input type="hidden" name="id" value={request.id} />
                <Button type="submit" variant="ghost" size="sm">
                  <RefreshCw aria-hidden /> Regenerate
                </Button>
              </form>
            )}
          </li>
        );
      })}
    </ol>
  );
}
