"use client";

import { Loader2, Wand2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useActionState, useCallback } from "react";
import { analyzeBrandAction, type AnalyzeState } from "@/app/(app)/brand/actions";
import { JobProgress } from "@/components/jobs/job-progress";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Website address in, brand kit out: the analysis runs as a job and the page refreshes when it ends. */
export function AnalyzeForm({ defaultUrl, compact = false }: { defaultUrl?: string; compact?: boolean }) {
  const [state, action, pending] = useActionState<AnalyzeState, FormData>(analyzeBrandAction, { status: "idle" });
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const error = state.fieldErrors?.url ?? state.message;
  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-2" noValidate>
        <Label htmlFor="url">{compact ? "Re-analyze a website" : "Your website"}</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="url"
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://yourbusiness.com"
            defaultValue={state.values?.url ?? defaultUrl}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? "url-error" : undefined}
            required
          />
          <Button type="submit" disabled={pending} className="sm:w-40">
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Wand2 aria-hidden />}
            {compact ? "Re-analyze" : "Analyze"}
          </Button>
        </div>
        {error && (
          <p id="url-error" className="text-destructive text-sm" role="alert">
            {error}
          </p>
        )}
      </form>
      {state.runId && <JobProgress key={state.runId} runId={state.runId} onSettled={refresh} />}
    </div>
  );
}
