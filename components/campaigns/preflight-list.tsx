import { CheckCircle2, CircleAlert } from "lucide-react";
import type { PreflightCheck } from "@/lib/campaigns/preflight";

/** What this goal needs on the chosen ad account, each with what to do when it is missing. */
export function PreflightList({ checks }: { checks: PreflightCheck[] }) {
  return (
    <ul className="grid gap-2" aria-label="Checks on your ad account" data-testid="preflight">
      {checks.map((check) => (
        <li key={`${check.requirement}-${check.message}`} className="flex gap-2 text-sm">
          {check.ok ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-label="Ready" /> : <CircleAlert className="text-destructive mt-0.5 size-4 shrink-0" aria-label="Missing" />}
          <span>
            {check.message}
            {check.fix && <span className="text-muted-foreground block text-xs">{check.fix}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
