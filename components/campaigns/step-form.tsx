"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";
import { saveStepAction } from "@/app/(app)/campaigns/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

/** The state every wizard step form shares: errors by field, and the values to put back. */
export function useStepForm() {
  return useActionState<FormState, FormData>(saveStepAction, initialFormState);
}

export function StepFormShell({
  campaignId,
  step,
  state,
  action,
  pending,
  submitLabel = "Save and continue",
  children,
}: {
  campaignId: string;
  step: string;
  state: FormState;
  action: (formData: FormData) => void;
  pending: boolean;
  submitLabel?: string;
  children: React.ReactNode;
}) {
  return (
    <form action={action} className="grid gap-6" noValidate>
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="step" value={step} />
      {state.status === "error" && state.message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>
            {state.message}
            {/* Every problem, also for fields this screen does not show (the summary is the safety net). */}
            {state.fieldErrors && Object.keys(state.fieldErrors).length > 0 && (
              <ul className="mt-1 list-disc pl-4">
                {[...new Set(Object.values(state.fieldErrors))].map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </AlertDescription>
        </Alert>
      )}
      {children}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending && <Loader2 className="animate-spin" aria-hidden />}
        {submitLabel}
      </Button>
    </form>
  );
}

export function FieldError({ message }: { message?: string }) {
  return message ? <p className="text-destructive text-sm">{message}</p> : null;
}
