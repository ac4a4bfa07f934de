import { ArrowRight, Check, Sparkles, Undo2, X } from "lucide-react";
import { applyRecommendationAction, dismissRecommendationAction, rollBackRecommendationAction } from "@/app/(app)/optimizer/actions";
import { makeVariantsAction } from "@/app/(app)/studio/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { BudgetMove, OptimizerRecommendation } from "@/db/schema";
import type { RunState, VisibleRecommendation } from "@/lib/optimizer/daily/queries";
import { formatMoney } from "@/lib/money";

/** Undo stays offered for a week; after that the budgets have lived their own life. */
const ROLLBACK_DAYS = 7;

function Hidden({ id, returnTo }: { id: string; returnTo: string }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
}

const STATUS: Partial<Record<OptimizerRecommendation["status"], string>> = {
  applying: "Applying",
  applied: "Applied",
  failed: "Could not apply",
  rolling_back: "Undoing",
  rolled_back: "Undone",
};

/** One recommendation: what to change and why, with Apply / Dismiss, Undo once applied, or fresh variants for a tired ad. */
/** Where one move stands on Meta, from the run that carries it. */
function moveState(move: BudgetMove, runs: Record<string, RunState>): { text: string; tone: "muted" | "bad" } | null {
  const run = move.rollbackRunId ? runs[move.rollbackRunId] : move.runId ? runs[move.runId] : undefined;
  if (!run) return null;
  const what = move.rollbackRunId ? "Undo" : "Change";
  if (run.status === "succeeded") return { text: `${what} made on Meta.`, tone: "muted" };
  if (run.status === "failed") return { text: `${what} not made: ${run.error ?? "Meta refused it."}`, tone: "bad" };
  return { text: `${what} on its way to Meta…`, tone: "muted" };
}

export function RecommendationCard({ recommendation, returnTo, now }: { recommendation: VisibleRecommendation; returnTo: string; now: Date }) {
  const { changes, currency, status, runs } = recommendation;
  const started = changes.some((move) => move.runId && !move.rollbackRunId);
  const canUndo = (status === "applied" || (status === "failed" && started)) && recommendation.appliedAt && now.getTime() - recommendation.appliedAt.getTime() < ROLLBACK_DAYS * 86_400_000;
  return (
    <Card data-testid="recommendation">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          {recommendation.kind === "fatigue" ? "Refresh a tired ad" : "Move budget to what works"}
          {STATUS[status] && <Badge variant={status === "failed" ? "destructive" : "secondary"}>{STATUS[status]}</Badge>}
          {recommendation.appliedBy === "autopilot" && <Badge variant="outline">Autopilot</Badge>}
        </CardTitle>
        <CardDescription>{recommendation.explanation}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        {recommendation.kind === "budget" && currency && (
          <ul className="grid gap-2">
            {changes.map((move) => (
              <li key={move.campaignId} className="grid gap-1 rounded border px-3 py-2">
                <span className="flex flex-wrap items-center gap-2 font-medium">
                  {move.name}
                  <span className="text-muted-foreground">{formatMoney(move.from, currency)}</span>
                  <ArrowRight className="size-3" aria-label="to" />
                  <span className={move.to > move.from ? "text-emerald-700 dark:text-emerald-400" : move.to < move.from ? "text-rose-700 dark:text-rose-400" : ""}>
                    {formatMoney(move.to, currency)}
                  </span>
                  <span className="text-muted-foreground">a day</span>
                </span>
                <span className="text-muted-foreground text-xs">{move.reason}</span>
                {move.error && <span className="text-destructive text-xs">{move.error}</span>}
                {moveState(move, runs) && (
                  <span className={moveState(move, runs)!.tone === "bad" ? "text-destructive text-xs" : "text-muted-foreground text-xs"}>{moveState(move, runs)!.text}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {recommendation.error && status !== "failed" && <p className="text-destructive text-xs">{recommendation.error}</p>}
        <div className="flex flex-wrap gap-2">
          {recommendation.kind === "budget" && (status === "open" || status === "failed") && (
            <form action={applyRecommendationAction}>
              <Hidden id={recommendation.id} returnTo={returnTo} />
              <Button type="submit" size="sm">
                <Check aria-hidden /> Apply
              </Button>
            </form>
          )}
          {recommendation.kind === "fatigue" && recommendation.fatigue && status === "open" && (
            <form action={makeVariantsAction}>
              <input type="hidden" name="id" value={recommendation.fatigue.assetId} />
              <Button type="submit" size="sm">
                <Sparkles aria-hidden /> Generate fresh variants
              </Button>
            </form>
          )}
          {canUndo && (
            <form action={rollBackRecommendationAction}>
              <Hidden id={recommendation.id} returnTo={returnTo} />
              <Button type="submit" size="sm" variant="outline">
                <Undo2 aria-hidden /> Undo
              </Button>
            </form>
          )}
          {(status === "open" || status === "failed") && (
            <form action={dismissRecommendationAction}>
              <Hidden id={recommendation.id} returnTo={returnTo} />
              <Button type="submit" size="sm" variant="ghost">
                <X aria-hidden /> Dismiss
              </Button>
            </form>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
