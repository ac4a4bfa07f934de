"use client";

import { Image as ImageIcon, Loader2, Sparkles, Video } from "lucide-react";
import { useActionState, useState } from "react";
import { generateAction, type GenerateState } from "@/app/(app)/studio/actions";
import { Field, TextAreaField } from "@/components/common/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/utils";
import { FORMAT_OPTIONS, STYLE_OPTIONS } from "./format-options";

export type QuotaView = { limit: number; used: number; remaining: number; resetsOn: string };

function QuotaLine({ kind, quota }: { kind: "image" | "video"; quota: QuotaView }) {
  const what = kind === "image" ? "images" : "videos";
  return (
    <p className={cn("text-sm", quota.remaining === 0 ? "text-destructive" : "text-muted-foreground")} data-testid="quota">
      {quota.remaining} of {quota.limit} {what} left this month · resets {quota.resetsOn}
    </p>
  );
}

/** Prompt, shapes, style and count in; the request appears under "Recent generations" with live progress. */
export function GenerateForm({ quotas, hasBrand }: { quotas: Record<"image" | "video", QuotaView>; hasBrand: boolean }) {
  const [state, action, pending] = useActionState<GenerateState, FormData>(generateAction, { status: "idle" });
  const [kind, setKind] = useState<"image" | "video">((state.values?.kind as "image" | "video") ?? "image");
  const errors = state.fieldErrors ?? {};
  const chosenFormats = state.values?.formats?.split(",") ?? ["1:1"];

  return (
    <div className="grid gap-4">
      <form action={action} className="grid gap-5" noValidate>
        {state.status === "error" && state.message && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{state.message}</AlertDescription>
          </Alert>
        )}
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Make</legend>
          <div className="grid grid-cols-2 gap-2">
            {(["image", "video"] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-lg border p-3 text-sm font-medium",
                  kind === value && "border-primary bg-primary/5 ring-primary/30 ring-2",
                )}
              >
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="sr-only" />
                {value === "image" ? <ImageIcon className="size-4" aria-hidden /> : <Video className="size-4" aria-hidden />}
                {value === "image" ? "Images" : "Video"}
              </label>
            ))}
          </div>
          <QuotaLine kind={kind} quota={quotas[kind]} />
        </fieldset>

        <TextAreaField
          name="prompt"
          label="Describe the ad"
          rows={3}
          placeholder="Fresh sourdough every morning, 20% off this weekend"
          defaultValue={state.values?.prompt}
          error={errors.prompt}
          required
        />

        <fieldset className="grid gap-2" aria-describedby={errors.formats ? "formats-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Formats</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {FORMAT_OPTIONS.map((option) => (
              <label key={option.value} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer items-center gap-3 rounded-lg border p-3 text-sm">
                <input type="checkbox" name="formats" value={option.value} defaultChecked={chosenFormats.includes(option.value)} className="accent-primary size-4" />
                <span className={cn("border-foreground/60 shrink-0 rounded-[3px] border-2", option.box)} aria-hidden />
                <span>
                  <span className="block font-medium">{option.label}</span>
                  <span className="text-muted-foreground text-xs">
                    {option.where} · {option.size}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {errors.formats && (
            <p id="formats-error" className="text-destructive text-sm">
              {errors.formats}
            </p>
          )}
        </fieldset>

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Style</legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {STYLE_OPTIONS.map((option) => (
              <label key={option.value} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 cursor-pointer rounded-lg border p-3 text-sm">
                <input type="radio" name="style" value={option.value} defaultChecked={(state.values?.style ?? "bold") === option.value} className="sr-only" />
                <span className="block font-medium">{option.label}</span>
                <span className="text-muted-foreground text-xs">{option.description}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-2">
            <Label htmlFor="variants">Variants per format</Label>
            <NativeSelect id="variants" name="variants" defaultValue={state.values?.variants ?? "1"} aria-invalid={Boolean(errors.variants)}>
              {(kind === "image" ? [1, 2, 3, 4] : [1, 2]).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </NativeSelect>
            {errors.variants && <p className="text-destructive text-sm">{errors.variants}</p>}
          </div>
          {kind === "video" && (
            <div className="grid gap-2">
              <Label htmlFor="durationSeconds">Length</Label>
              <NativeSelect id="durationSeconds" name="durationSeconds" defaultValue={state.values?.durationSeconds ?? "8"}>
                <option value="6">6 seconds</option>
                <option value="8">8 seconds</option>
              </NativeSelect>
            </div>
          )}
        </div>

        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" name="useBrand" defaultChecked={hasBrand && state.values?.useBrand !== "false"} disabled={!hasBrand} className="accent-primary mt-0.5 size-4" />
          <span>
            <span className="font-medium">Use brand kit</span>
            <span className="text-muted-foreground block text-xs">
              {hasBrand ? "Your colours, logo and voice." : "Set up your brand kit on the Brand page to use it here."}
            </span>
          </span>
        </label>

        <details className="group rounded-lg border p-3">
          <summary className="cursor-pointer text-sm font-medium">Text on the creative and tags (optional)</summary>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <Field name="headline" label="Headline" maxLength={40} hint="Left empty, AdPilot writes one." defaultValue={state.values?.headline} error={errors.headline} />
            <Field name="callToAction" label="Button" maxLength={20} placeholder="Shop now" defaultValue={state.values?.callToAction} error={errors.callToAction} />
            <div className="sm:col-span-2">
              <Field name="tags" label="Tags" hint="Comma-separated; find these later in the library." defaultValue={state.values?.tags} error={errors.tags} />
            </div>
          </div>
        </details>

        <Button type="submit" disabled={pending || quotas[kind].remaining === 0} size="lg">
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />}
          Generate
        </Button>
      </form>
    </div>
  );
}
