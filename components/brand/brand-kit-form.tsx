"use client";

import { Check, Loader2 } from "lucide-react";
import { useActionState } from "react";
import { saveBrandAction, type SaveBrandState } from "@/app/(app)/brand/actions";
import { Field, TextAreaField } from "@/components/common/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type BrandKitValues = Record<
  | "websiteUrl"
  | "name"
  | "summary"
  | "audience"
  | "tone"
  | "valuePropositions"
  | "wordsToUse"
  | "wordsToAvoid"
  | "fonts"
  | "dos"
  | "donts"
  | "notes"
  | "primary"
  | "secondary"
  | "accent"
  | "background"
  | "text",
  string
>;

const COLOR_ROLES = [
  ["primary", "Primary"],
  ["secondary", "Secondary"],
  ["accent", "Accent"],
  ["background", "Background"],
  ["text", "Text"],
] as const;

function ColorField({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      <div className="flex items-center gap-2">
        {/* The swatch and the hex field edit the same value; the hex one is what the form posts. */}
        <input
          type="color"
          aria-label={`${label} colour picker`}
          defaultValue={value || "#ffffff"}
          className="size-9 shrink-0 cursor-pointer rounded-md border bg-transparent p-0.5"
          onChange={(event) => {
            const input = event.currentTarget.form?.elements.namedItem(name) as HTMLInputElement | null;
            if (input) input.value = event.currentTarget.value;
          }}
        />
        <Input id={name} name={name} defaultValue={value} placeholder="#1a73e8" className="font-mono" aria-invalid={Boolean(error)} />
      </div>
      {error && <p className="text-destructive text-xs">{error}</p>}
    </div>
  );
}

/** The whole kit, editable: what the analyzer wrote is a starting point, not the last word. */
export function BrandKitForm({ initial }: { initial: BrandKitValues }) {
  const [state, action, pending] = useActionState<SaveBrandState, FormData>(saveBrandAction, { status: "idle" });
  const values = { ...initial, ...state.values } as BrandKitValues;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-6" noValidate>
      {state.status === "error" && state.message && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{state.message}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Brand name" defaultValue={values.name} error={errors.name} required />
        <Field name="websiteUrl" label="Website (optional)" type="url" defaultValue={values.websiteUrl} error={errors.websiteUrl} />
      </div>
      <TextAreaField name="summary" label="What the business does" rows={2} defaultValue={values.summary} error={errors.summary} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="tone" label="Tone of voice" hint="Comma-separated, e.g. warm, playful, expert" defaultValue={values.tone} error={errors.tone} />
        <Field name="audience" label="Audience" defaultValue={values.audience} error={errors.audience} />
      </div>
      <TextAreaField
        name="valuePropositions"
        label="Why people buy"
        hint="One value proposition per line"
        rows={3}
        defaultValue={values.valuePropositions}
        error={errors.valuePropositions}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="wordsToUse" label="Words to use" hint="Comma-separated" defaultValue={values.wordsToUse} error={errors.wordsToUse} />
        <Field name="wordsToAvoid" label="Words to avoid" hint="Comma-separated" defaultValue={values.wordsToAvoid} error={errors.wordsToAvoid} />
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-medium">Colours</legend>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          {COLOR_ROLES.map(([name, label]) => (
            <ColorField key={name} name={name} label={label} value={values[name]} error={errors[name]} />
          ))}
        </div>
      </fieldset>
      <Field name="fonts" label="Fonts" hint="Comma-separated, most important first" defaultValue={values.fonts} error={errors.fonts} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField name="dos" label="Always" hint="One rule per line" rows={3} defaultValue={values.dos} error={errors.dos} />
        <TextAreaField name="donts" label="Never" hint="One rule per line" rows={3} defaultValue={values.donts} error={errors.donts} />
      </div>
      <TextAreaField name="notes" label="Notes for creatives" rows={2} defaultValue={values.notes} error={errors.notes} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          Save brand kit
        </Button>
        {state.savedAt && !pending && (
          <span className="text-muted-foreground flex items-center gap-1 text-sm" role="status">
            <Check className="size-4" aria-hidden /> Saved
          </span>
        )}
      </div>
    </form>
  );
}
