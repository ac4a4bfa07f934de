"use client";

import { FieldError, StepFormShell, useStepForm } from "./step-form";

/** The last choice before anything is created on Meta: start delivering at once, or paused. */
export function ReviewStep({ campaignId, launchAs, blocked }: { campaignId: string; launchAs: "ACTIVE" | "PAUSED"; blocked: boolean }) {
  const [state, action, pending] = useStepForm();
  const errors = state.fieldErrors ?? {};
  return (
    <StepFormShell campaignId={campaignId} step="review" state={state} action={action} pending={pending || blocked} submitLabel="Launch on Meta">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">When it is created</legend>
        <div className="flex flex-wrap gap-2">
          {(
            [
              ["ACTIVE", "Start delivering right away"],
              ["PAUSED", "Create it paused; I'll switch it on"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm">
              <input type="radio" name="launchAs" value={value} defaultChecked={(state.values?.launchAs ?? launchAs) === value} className="accent-primary" />
              {label}
            </label>
          ))}
        </div>
        <FieldError message={errors.launchAs} />
      </fieldset>
    </StepFormShell>
  );
}
