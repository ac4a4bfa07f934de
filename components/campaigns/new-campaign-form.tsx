"use client";

import { Loader2 } from "lucide-react";
import { useActionState } from "react";
import { createCampaignAction } from "@/app/(app)/campaigns/actions";
import { Field } from "@/components/common/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { initialFormState } from "@/lib/forms/form-state";

export type PurposeOption = { value: string; label: string; description: string };
export type AccountOption = { value: string; label: string };

/** Step 0: a name, the ad account and the goal; everything after that is saved as a draft. */
export function NewCampaignForm({ accounts, purposes }: { accounts: AccountOption[]; purposes: PurposeOption[] }) {
  const [state, action, pending] = useActionState(createCampaignAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-6" noValidate>
      {state.message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Campaign name" placeholder="Spring sale" defaultValue={state.values?.name} error={errors.name} required />
        <div className="grid gap-2">
          <Label htmlFor="account">Ad account</Label>
          <NativeSelect id="account" name="account" defaultValue={state.values?.account ?? accounts[0]?.value} aria-invalid={Boolean(errors.account)}>
            {accounts.map((account) => (
              <option key={account.value} value={account.value}>
                {account.label}
              </option>
            ))}
          </NativeSelect>
          {errors.account && <p className="text-destructive text-sm">{errors.account}</p>}
        </div>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">What should this campaign achieve?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {purposes.map((purpose) => (
            <label key={purpose.value} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer gap-3 rounded-lg border p-3 text-sm">
              <input type="radio" name="purpose" value={purpose.value} defaultChecked={state.values?.purpose === purpose.value} className="accent-primary mt-1" />
              <span>
                <span className="block font-medium">{purpose.label}</span>
                <span className="text-muted-foreground text-xs">{purpose.description}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.purpose && <p className="text-destructive text-sm">{errors.purpose}</p>}
      </fieldset>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending && <Loader2 className="animate-spin" aria-hidden />}
        Continue
      </Button>
    </form>
  );
}
