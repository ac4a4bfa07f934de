"use client";

import { useActionState } from "react";
import { setTagsAction } from "@/app/(app)/library/actions";
import { Input } from "@/components/ui/input";
import { initialFormState } from "@/lib/forms/form-state";

/** Comma-separated tags, saved when the field loses focus or on Enter. */
export function TagEditor({ assetId, tags }: { assetId: string; tags: string[] }) {
  const [state, action, pending] = useActionState(setTagsAction, initialFormState);
  return (
    <form action={action} className="grid gap-1">
      <input type="hidden" name="id" value={assetId} />
      <Input
        name="tags"
        aria-label="Tags"
        placeholder="Add tags, comma-separated"
        defaultValue={state.values?.tags ?? tags.join(", ")}
        className="h-8 text-xs"
        disabled={pending}
        onBlur={(event) => {
          if (event.currentTarget.value !== (state.values?.tags ?? tags.join(", "))) event.currentTarget.form?.requestSubmit();
        }}
      />
      {state.status === "error" && <p className="text-destructive text-xs">{state.message}</p>}
    </form>
  );
}
