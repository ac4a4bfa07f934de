"use client";

import { Loader2, Sparkles } from "lucide-react";
import { useActionState } from "react";
import { generateForCampaignAction, type GenerateForCampaignState } from "@/app/(app)/campaigns/actions";
import { LiveRun } from "@/components/jobs/live-run";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Makes creatives in the shapes this campaign needs without leaving the builder; they appear in the picker when done. */
export function GenerateForCampaign({ campaignId, defaultPrompt }: { campaignId: string; defaultPrompt: string }) {
  const [state, action, pending] = useActionState<GenerateForCampaignState, FormData>(generateForCampaignAction, { status: "idle" });
  return (
    <div className="bg-muted/40 grid gap-3 rounded-lg border p-4">
      <form action={action} className="flex flex-col gap-2 sm:flex-row">
        <input type="hidden" name="campaignId" value={campaignId} />
        <Input name="prompt" defaultValue={defaultPrompt} aria-label="What the new creatives should show" />
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Generate for this campaign
        </Button>
      </form>
      {state.message && <p className="text-destructive text-sm">{state.message}</p>}
      {state.runId && <LiveRun key={state.runId} runId={state.runId} />}
    </div>
  );
}
