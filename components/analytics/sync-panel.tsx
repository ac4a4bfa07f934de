import { RefreshCw } from "lucide-react";
import { syncNowAction } from "@/app/(app)/dashboard/actions";
import { LiveRun } from "@/components/jobs/live-run";
import { Button } from "@/components/ui/button";
import type { AccountSyncView } from "@/lib/analytics/sync/status";

const ACTIVE = new Set(["running", "waiting"]);

export function formatSyncedAt(at: Date | null, now: Date): string {
  if (!at) return "Not synced yet";
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return "Synced just now";
  if (minutes < 60) return `Synced ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `Synced ${hours} h ago`;
  return `Synced ${new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(at)}`;
}

/** The button that submits the sync action; the page it sits on is where the user comes back to. */
export function SyncNowButton({ returnTo, variant = "outline" }: { returnTo: "/dashboard" | "/analytics"; variant?: "outline" | "default" }) {
  return (
    <form action={syncNowAction}>
      <input type="hidden" name="returnTo" value={returnTo} />
      <Button type="submit" size="sm" variant={variant}>
        <RefreshCw aria-hidden /> Sync now
      </Button>
    </form>
  );
}

/**
 * When the numbers were last pulled from Meta, a button to pull them now, and
 * the progress of any sync in flight (the page refreshes itself when one ends).
 */
export function SyncPanel({
  accounts,
  lastSynced,
  requestedRuns,
  syncError,
  returnTo,
  now,
}: {
  accounts: AccountSyncView[];
  lastSynced: Date | null;
  /** Runs just started by "Sync now" (from the URL); their owner is checked when their progress is fetched. */
  requestedRuns: string[];
  syncError: string | null;
  returnTo: "/dashboard" | "/analytics";
  now: Date;
}) {
  const runs = [...new Set([...requestedRuns, ...accounts.filter((account) => ACTIVE.has(account.status) && account.runId).map((account) => account.runId!)])];
  const failed = accounts.filter((account) => account.status === "failed" && account.error);
  return (
    <div className="grid gap-2" data-testid="sync-panel">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-muted-foreground text-sm" title={lastSynced?.toISOString()}>
          {formatSyncedAt(lastSynced, now)}
        </p>
        {accounts.length > 0 && <SyncNowButton returnTo={returnTo} />}
      </div>
      {syncError && (
        <p className="text-destructive text-sm" role="alert">
          {syncError}
        </p>
      )}
      {failed.map((account) => (
        <p key={account.adAccountId} className="text-destructive text-sm" role="alert">
          {account.name}: {account.error}
        </p>
      ))}
      {runs.map((runId) => (
        <LiveRun key={runId} runId={runId} />
      ))}
    </div>
  );
}
