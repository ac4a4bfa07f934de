"use client";

import { Loader2, Sparkles } from "lucide-react";
import { useActionState, useState } from "react";
import { recommendAudienceAction, type RecommendState } from "@/app/(app)/campaigns/actions";
import { Field } from "@/components/common/field";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { CampaignAudience } from "@/db/schema";
import { FieldError, StepFormShell, useStepForm } from "./step-form";

type Option = { id: string; label: string };

function Checks({ name, options, chosen, legend, error }: { name: string; options: Option[]; chosen: string[]; legend: string; error?: string }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label key={option.id} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm">
            <input type="checkbox" name={name} value={option.id} defaultChecked={chosen.includes(option.id)} className="accent-primary" />
            {option.label}
          </label>
        ))}
        {options.length === 0 && <span className="text-muted-foreground text-sm">None on this ad account.</span>}
      </div>
      <FieldError message={error} />
    </fieldset>
  );
}

/** The AI's suggestion, with its reasoning; "Use this" fills the form, nothing is saved until the user saves. */
function Recommendation({ campaignId, countries, onApply }: { campaignId: string; countries: string; onApply: (audience: CampaignAudience) => void }) {
  const [state, action, pending] = useActionState<RecommendState, FormData>(recommendAudienceAction, { status: "idle" });
  return (
    <form action={action} className="bg-muted/40 grid gap-3 rounded-lg border p-4">
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="countries" value={countries} />
      <Label htmlFor="businessDescription">Ask for a recommendation (optional description of your customers)</Label>
      <Textarea id="businessDescription" name="businessDescription" rows={2} placeholder="Young families in Leeds who order birthday cakes" />
      <Button type="submit" variant="outline" size="sm" disabled={pending} className="justify-self-start">
        {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} Recommend an audience
      </Button>
      {state.message && <p className="text-destructive text-sm">{state.message}</p>}
      {state.proposal && (
        <div className="grid gap-2 text-sm" data-testid="recommendation">
          <p>
            <span className="font-medium">
              Ages {state.proposal.audience.ageMin}–{state.proposal.audience.ageMax}
              {state.proposal.audience.genders.length === 1 ? `, ${state.proposal.audience.genders[0]}` : ", everyone"}
              {state.proposal.audience.advantageAudience ? ", Advantage+ audience on" : ""}.
            </span>{" "}
            {state.proposal.reasoning}
          </p>
          <Button type="button" size="sm" className="justify-self-start" onClick={() => onApply(state.proposal!.audience)}>
            Use this audience
          </Button>
        </div>
      )}
    </form>
  );
}

export function AudienceStep({
  campaignId,
  initial,
  placements,
  audiences,
}: {
  campaignId: string;
  initial: CampaignAudience;
  placements: Option[];
  audiences: Option[];
}) {
  const [state, action, pending] = useStepForm();
  // Remembers which form result it was applied over: a newer save result wins again.
  const [applied, setApplied] = useState<{ audience: CampaignAudience; version: number; over: typeof state } | null>(null);
  const base = applied?.audience ?? initial;
  const values = applied && applied.over === state ? undefined : state.values;
  const errors = state.fieldErrors ?? {};
  // After a failed save, a box the user left unticked was not sent: it is empty, not the saved value.
  const listOf = (name: string, fallback: string[]) => (values ? (values[name] ?? "").split(",").filter(Boolean) : fallback);
  const countries = values?.countries ?? base.countries.join(", ");
  // Audiences Meta did not list just now (or no longer lists) stay visible, so a save never drops them silently.
  const chosenAudiences = [...initial.customAudienceIds, ...initial.excludedAudienceIds];
  const audienceOptions = [...audiences, ...chosenAudiences.filter((id) => !audiences.some((option) => option.id === id)).map((id) => ({ id, label: `Audience ${id}` }))];

  return (
    <div className="grid gap-6">
      <Recommendation campaignId={campaignId} countries={countries} onApply={(audience) =>
          setApplied((previous) => ({
            // The advice never picks custom audiences; the ones the user chose are kept.
            audience: { ...audience, countries: audience.countries.length ? audience.countries : base.countries, customAudienceIds: base.customAudienceIds, excludedAudienceIds: base.excludedAudienceIds },
            version: (previous?.version ?? 0) + 1,
            over: state,
          }))
        } />
      {/* Remounted when a recommendation is applied, so its values become the form's defaults. */}
      <div key={applied?.version ?? 0}>
        <StepFormShell campaignId={campaignId} step="audience" state={state} action={action} pending={pending}>
          <Field name="countries" label="Countries" hint="Two-letter codes, comma-separated: US, GB, DE" defaultValue={countries} error={errors.countries} />
          <div className="grid grid-cols-2 gap-4 sm:max-w-sm">
            <Field name="ageMin" label="Youngest" type="number" min={18} max={65} defaultValue={values?.ageMin ?? String(base.ageMin)} error={errors.ageMin} />
            <Field name="ageMax" label="Oldest" type="number" min={18} max={65} defaultValue={values?.ageMax ?? String(base.ageMax)} error={errors.ageMax} />
          </div>
          <Checks
            name="genders"
            legend="Gender (none or both = everyone)"
            options={[
              { id: "female", label: "Women" },
              { id: "male", label: "Men" },
            ]}
            chosen={listOf("genders", base.genders)}
            error={errors.genders}
          />
          <Checks name="placements" legend="Placements (none = Meta chooses, Advantage+ placements)" options={placements} chosen={listOf("placements", base.placements)} error={errors.placements} />
          <Checks name="customAudienceIds" legend="Show to these custom audiences" options={audienceOptions} chosen={listOf("customAudienceIds", base.customAudienceIds)} error={errors.customAudienceIds} />
          <Checks name="excludedAudienceIds" legend="Leave out these audiences" options={audienceOptions} chosen={listOf("excludedAudienceIds", base.excludedAudienceIds)} error={errors.excludedAudienceIds} />
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="advantageAudience" defaultChecked={values ? values.advantageAudience === "on" : base.advantageAudience} className="accent-primary mt-0.5 size-4" />
            <span>
              <span className="font-medium">Advantage+ audience</span>
              <span className="text-muted-foreground block text-xs">Let Meta go beyond these settings when it finds people likely to respond.</span>
              <FieldError message={errors.advantageAudience} />
            </span>
          </label>
          <Field name="interests" label="Interests (optional)" hint="Comma-separated, e.g. baking, coffee" defaultValue={values?.interests ?? (base.interests ?? []).join(", ")} error={errors.interests} />
        </StepFormShell>
      </div>
    </div>
  );
}
