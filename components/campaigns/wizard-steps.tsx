import Link from "next/link";
import { cn } from "@/lib/utils";

const LABELS = { purpose: "Goal", audience: "Audience", budget: "Budget", creatives: "Ads", review: "Review" } as const;
export type StepName = keyof typeof LABELS;

/** Where the user is in the five steps; steps already reached are links back. */
export function WizardSteps({ campaignId, current, reached }: { campaignId: string; current: StepName; reached: StepName }) {
  const order = Object.keys(LABELS) as StepName[];
  return (
    <ol className="mb-6 flex flex-wrap gap-2 text-sm" aria-label="Campaign builder steps">
      {order.map((step, index) => {
        const available = index <= order.indexOf(reached);
        const label = `${index + 1}. ${LABELS[step]}`;
        return (
          <li key={step}>
            {available && step !== current ? (
              <Link href={`/campaigns/${campaignId}/edit/${step}`} className="hover:bg-muted rounded-full border px-3 py-1">
                {label}
              </Link>
            ) : (
              <span aria-current={step === current ? "step" : undefined} className={cn("rounded-full border px-3 py-1", step === current ? "bg-primary text-primary-foreground border-primary" : "text-muted-foreground")}>
                {label}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
