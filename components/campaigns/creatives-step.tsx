"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils";
import { FieldError, StepFormShell, useStepForm } from "./step-form";

export type PickableAsset = {
  id: string;
  thumbnailUrl: string;
  format: string;
  type: "image" | "video";
  suggestion: { primaryText: string; headline: string; description: string };
};
export type AdDraft = { assetId: string; primaryText: string; headline: string; description: string; callToAction: string; link: string };

/**
 * Pick creatives from the library and write each ad's words. The words start
 * from what the AI wrote when the creative was generated; every field is editable.
 * The ads travel as one JSON field; errors come back keyed "ads.<n>.<field>".
 */
export function CreativesStep({
  campaignId,
  assets,
  initial,
  callToActions,
  defaults,
  formatHint,
}: {
  campaignId: string;
  assets: PickableAsset[];
  initial: AdDraft[];
  callToActions: Array<{ value: string; label: string }>;
  defaults: { callToAction: string; link: string };
  formatHint: string;
}) {
  const [state, action, pending] = useStepForm();
  const [ads, setAds] = useState<AdDraft[]>(() => {
    try {
      return state.values?.ads ? (JSON.parse(state.values.ads) as AdDraft[]) : initial;
    } catch {
      return initial;
    }
  });
  const errors = state.fieldErrors ?? {};
  const toggle = (asset: PickableAsset) =>
    setAds((current) =>
      current.some((ad) => ad.assetId === asset.id)
        ? current.filter((ad) => ad.assetId !== asset.id)
        : [...current, { assetId: asset.id, ...asset.suggestion, callToAction: defaults.callToAction, link: current[0]?.link ?? defaults.link }],
    );
  const update = (index: number, field: keyof AdDraft, value: string) => setAds((current) => current.map((ad, i) => (i === index ? { ...ad, [field]: value } : ad)));

  return (
    <StepFormShell campaignId={campaignId} step="creatives" state={state} action={action} pending={pending}>
      <input type="hidden" name="ads" value={JSON.stringify(ads)} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Creatives ({formatHint})</legend>
        {assets.length === 0 ? (
          <p className="text-muted-foreground text-sm">Your library is empty. Generate creatives in the Studio or upload your own, then come back.</p>
        ) : (
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
            {assets.map((asset) => {
              const chosen = ads.some((ad) => ad.assetId === asset.id);
              return (
                <button
                  key={asset.id}
                  type="button"
                  onClick={() => toggle(asset)}
                  aria-pressed={chosen}
                  aria-label={`${asset.type} ${asset.format}${chosen ? ", chosen" : ""}`}
                  className={cn("bg-muted relative aspect-square overflow-hidden rounded-md border", chosen && "ring-primary ring-2")}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- owner-only file route */}
                  <img src={asset.thumbnailUrl} alt="" className="h-full w-full object-contain" />
                  <span className="absolute bottom-1 left-1 rounded bg-black/60 px-1 text-[10px] text-white">{asset.format}</span>
                </button>
              );
            })}
          </div>
        )}
        <FieldError message={errors.ads} />
      </fieldset>
      {ads.map((ad, index) => {
        const asset = assets.find((candidate) => candidate.id === ad.assetId);
        const error = (field: string) => errors[`ads.${index}.${field}`];
        return (
          <fieldset key={ad.assetId} className="grid gap-3 rounded-lg border p-4" data-testid="ad-copy">
            <legend className="px-1 text-sm font-medium">
              Ad {index + 1} {asset ? `(${asset.type} ${asset.format})` : ""}
            </legend>
            <div className="grid gap-1.5">
              <Label htmlFor={`primary-${index}`}>Primary text</Label>
              <Textarea id={`primary-${index}`} rows={2} value={ad.primaryText} onChange={(event) => update(index, "primaryText", event.target.value)} aria-invalid={Boolean(error("primaryText"))} />
              <FieldError message={error("primaryText")} />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="grid gap-1.5">
                <Label htmlFor={`headline-${index}`}>Headline</Label>
                <Input id={`headline-${index}`} value={ad.headline} onChange={(event) => update(index, "headline", event.target.value)} aria-invalid={Boolean(error("headline"))} />
                <FieldError message={error("headline")} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor={`description-${index}`}>Description</Label>
                <Input id={`description-${index}`} value={ad.description} onChange={(event) => update(index, "description", event.target.value)} />
                <FieldError message={error("description")} />
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor={`cta-${index}`}>Button</Label>
                <NativeSelect id={`cta-${index}`} value={ad.callToAction} onChange={(event) => update(index, "callToAction", event.target.value)}>
                  {callToActions.map((cta) => (
                    <option key={cta.value} value={cta.value}>
                      {cta.label}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor={`link-${index}`}>Destination URL</Label>
                <Input id={`link-${index}`} type="url" value={ad.link} placeholder="https://yourshop.com/offer" onChange={(event) => update(index, "link", event.target.value)} aria-invalid={Boolean(error("link"))} />
                <FieldError message={error("link")} />
              </div>
            </div>
          </fieldset>
        );
      })}
    </StepFormShell>
  );
}
