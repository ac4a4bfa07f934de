"use client";

import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms/form-state";
import { Field } from "@/components/common/field";

export function SignInForm({ callbackUrl, created }: { callbackUrl?: string; created?: boolean }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="grid gap-4" noValidate>
      {created && state.status === "idle" && (
        <Alert>
          <AlertDescription>Your account is ready. Sign in to continue.</AlertDescription>
        </Alert>
      )}
      {state.message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <input type="hidden" name="callbackUrl" value={state.values?.callbackUrl ?? callbackUrl ?? ""} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending && <Loader2 className="animate-spin" aria-hidden />}
        Sign in
      </Button>
      <p className="text-muted-foreground text-center text-sm">
        New to AdPilot?{" "}
        <Link href="/sign-up" className="text-primary font-medium hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
