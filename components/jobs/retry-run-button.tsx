"use client";

import { Loader2, RotateCcw } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { retryJobRunAction } from "@/app/(app)/settings/activity/actions";
import { Button } from "@/components/ui/button";

export function RetryRunButton({ runId, onRetried }: { runId: string; onRetried?: () => void }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await retryJobRunAction(runId);
          if (result.ok) {
            toast.success(result.message);
            onRetried?.();
          } else toast.error(result.message);
        })
      }
    >
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />}
      Retry
    </Button>
  );
}
