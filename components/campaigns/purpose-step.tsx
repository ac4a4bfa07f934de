"use client";

import { useState } from "react";
import { Field } from "@/components/common/field";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { AccountOption, PurposeOption } from "./new-campaign-form";
import { FieldError, StepFormShell, useStepForm } from "./step-form";

type Named = { id: string; name: string };
export type PurposeStepValues = {
  name: string;
  purpose: string;
  account: string;
  pageId?: string;
  pixelId?: string;
  applicationId?: string;
  objectStoreUrl?: string;
  eventId?: string;
  placePageSetId?: string;
};

/** Goal, ad account, and what the goal needs on Meta: the Page, and a pixel, app or event where it applies. */
export function PurposeStep({
  campaignId,
  initial,
  accounts,
  purposes,
  pages,
  pixels,
  requirements,
}: {
  campaignId: string;
  initial: PurposeStepValues;
  accounts: AccountOption[];
  purposes: PurposeOption[];
  pages: Named[];
  pixels: Named[];
  /** What each goal needs on Meta ("pixel", "app", "event", "place_page_set"). */
  requirements: Record<string, string[]>;
}) {
  const [state, action, pending] = useStepForm();
  const values = { ...initial, ...state.values } as PurposeStepValues;
  const errors = state.fieldErrors ?? {};
  // What the goal needs follows the radio the user picks, not the goal saved before.
  const [purpose, setPurpose] = useState(values.purpose);
  const needs = requirements[purpose] ?? [];
  // A saved account that is no longer connected falls back to the first one offered.
  const accountValue = accounts.some((account) => account.value === values.account) ? values.account : accounts[0]?.value;
  return (
    <StepFormShell campaignId={campaignId} step="purpose" state={state} action={action} pending={pending}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Campaign name" defaultValue={values.name} error={errors.name} />
        <div className="grid gap-2">
          <Label htmlFor="account">Ad account</Label>
          {/* Both ids travel together as "act_…|<connection id>"; the action splits them. */}
          <NativeSelect id="account" name="account" defaultValue={accountValue} aria-invalid={Boolean(errors.adAccountId || errors.metaAccountId)}>
            {accounts.map((account) => (
              <option key={account.value} value={account.value}>
                {account.label}
              </option>
            ))}
          </NativeSelect>
          <FieldError message={errors.adAccountId} />
        </div>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Goal</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {purposes.map((option) => (
            <label key={option.value} className="has-[:checked]:border-primary has-[:checked]:bg-primary/5 flex cursor-pointer gap-3 rounded-lg border p-3 text-sm">
              <input type="radio" name="purpose" value={option.value} checked={purpose === option.value} onChange={() => setPurpose(option.value)} className="accent-primary mt-1" />
              <span>
                <span className="block font-medium">{option.label}</span>
                <span className="text-muted-foreground text-xs">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError message={errors.purpose} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        {pages.length > 0 ? (
          <div className="grid gap-2">
            <Label htmlFor="pageId">Facebook Page</Label>
            <NativeSelect id="pageId" name="pageId" defaultValue={values.pageId ?? pages[0]?.id ?? ""} aria-invalid={Boolean(errors.pageId)}>
              <option value="">Choose a Page</option>
              {pages.map((page) => (
                <option key={page.id} value={page.id}>
                  {page.name}
                </option>
              ))}
            </NativeSelect>
            <FieldError message={errors.pageId} />
          </div>
        ) : (
          // Meta could not list the Pages just now: the id can still be typed (it is on the Page's About tab).
          <Field name="pageId" label="Facebook Page id" hint="AdPilot could not load your Pages from Meta right now." defaultValue={values.pageId} error={errors.pageId} />
        )}
        {needs.includes("pixel") && (
          <div className="grid gap-2">
            <Label htmlFor="pixelId">Meta Pixel</Label>
            <NativeSelect id="pixelId" name="pixelId" defaultValue={values.pixelId ?? pixels[0]?.id ?? ""} aria-invalid={Boolean(errors.pixelId)}>
              <option value="">Choose a pixel</option>
              {pixels.map((pixel) => (
                <option key={pixel.id} value={pixel.id}>
                  {pixel.name}
                </option>
              ))}
            </NativeSelect>
            <FieldError message={errors.pixelId} />
          </div>
        )}
        {needs.includes("app") && (
          <>
            <Field name="applicationId" label="Meta App ID" defaultValue={values.applicationId} error={errors.applicationId} />
            <Field name="objectStoreUrl" label="App Store or Google Play link" defaultValue={values.objectStoreUrl} error={errors.objectStoreUrl} />
          </>
        )}
        {needs.includes("event") && <Field name="eventId" label="Facebook event link" defaultValue={values.eventId} error={errors.eventId} />}
        {needs.includes("place_page_set") && (
          <Field name="placePageSetId" label="Store locations set (optional)" defaultValue={values.placePageSetId} error={errors.placePageSetId} />
        )}
      </div>
    </StepFormShell>
  );
}
