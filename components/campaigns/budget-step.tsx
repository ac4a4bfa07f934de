"use client";

import { Field } from "@/components/common/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError, StepFormShell, useStepForm } from "./step-form";

export type BudgetStepValues = { kind: "daily" | "lifetime"; amount: string; level: "campaign" | "adset"; startTime?: string; endTime?: string };

/** "2026-12-01T09:00:00.000Z" → the value a datetime-local input shows in the browser's zone. */
function toLocalInput(iso?: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A date and time picked in the marketer's own zone, posted as ISO 8601 with that
 * zone resolved by the browser, so the server never guesses.
 */
function DateTimeField({ name, label, initial, error }: { name: string; label: string; initial?: string; error?: string }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={`${name}-local`}>{label}</Label>
      <Input
        id={`${name}-local`}
        type="datetime-local"
        defaultValue={toLocalInput(initial)}
        aria-invalid={Boolean(error)}
        onChange={(event) => {
          const input = event.currentTarget;
          const hidden = input.form?.elements.namedItem(name) as HTMLInputElement | null;
          if (!hidden) return;
          // A date without a time reads as empty; posting "incomplete" makes the server say so instead of dropping the date.
          hidden.value = input.value ? new Date(input.value).toISOString() : input.validity.badInput ? "incomplete" : "";
        }}
      />
      <input type="hidden" name={name} defaultValue={initial ?? ""} />
      <FieldError message={error} />
    </div>
  );
}

export function BudgetStep({ campaignId, currency, minimum, initial }: { campaignId: string; currency: string; minimum: string; initial: BudgetStepValues }) {
  const [state, action, pending] = useStepForm();
  const values = { ...initial, ...state.values } as BudgetStepValues;
  const errors = state.fieldErrors ?? {};
  return (
    <StepFormShell campaignId={campaignId} step="budget" state={state} action={action} pending={pending}>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Budget</legend>
        <div className="flex flex-wrap gap-2">
          {(["daily", "lifetime"] as const).map((kind) => (
            <label key={kind} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm">
              <input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} className="accent-primary" />
              {kind === "daily" ? "Per day" : "Total for the whole run (needs an end date)"}
            </label>
          ))}
        </div>
        <FieldError message={errors.kind} />
      </fieldset>
      <div className="sm:max-w-xs">
        <Field name="amount" label={`Amount (${currency})`} inputMode="decimal" hint={`Meta's minimum is about ${minimum} a day.`} defaultValue={values.amount} error={errors.amount} />
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Who spends it</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <label className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer gap-2 rounded-md border p-3 text-sm">
            <input type="radio" name="level" value="campaign" defaultChecked={values.level !== "adset"} className="accent-primary mt-1" />
            <span>
              <span className="block font-medium">Advantage campaign budget</span>
              <span className="text-muted-foreground text-xs">Meta moves the money to what works within the campaign.</span>
            </span>
          </label>
          <label className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer gap-2 rounded-md border p-3 text-sm">
            <input type="radio" name="level" value="adset" defaultChecked={values.level === "adset"} className="accent-primary mt-1" />
            <span>
              <span className="block font-medium">Ad set budget</span>
              <span className="text-muted-foreground text-xs">A fixed amount for the ad set; AdPilot&apos;s optimizer can move it.</span>
            </span>
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <DateTimeField name="startTime" label="Start (optional: now)" initial={values.startTime} error={errors.startTime} />
        <DateTimeField name="endTime" label="End (optional for daily budgets)" initial={values.endTime} error={errors.endTime} />
      </div>
    </StepFormShell>
  );
}
