"use client";

import { Loader2, Upload } from "lucide-react";
import { useActionState, useRef, useState } from "react";
import { uploadLogoAction } from "@/app/(app)/brand/actions";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/forms/form-state";

/** Shows the kit's logo and replaces it with an uploaded file (the form submits on choice). */
export function LogoForm({ logoUrl, brandName }: { logoUrl: string | null; brandName: string }) {
  const [state, action, pending] = useActionState(uploadLogoAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const [tooBig, setTooBig] = useState(false);
  return (
    <form ref={form} action={action} className="flex items-center gap-4">
      <div className="bg-muted grid size-20 place-items-center overflow-hidden rounded-lg border">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- owner-only file route; next/image would proxy it
          <img src={logoUrl} alt={`${brandName} logo`} className="max-h-full max-w-full object-contain p-2" />
        ) : (
          <span className="text-muted-foreground text-xs">No logo</span>
        )}
      </div>
      <div className="grid gap-1">
        <Button type="button" variant="outline" size="sm" disabled={pending} onClick={() => form.current?.querySelector("input")?.click()}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Upload aria-hidden />}
          {logoUrl ? "Replace logo" : "Upload logo"}
        </Button>
        <input type="file" name="logo" accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml" className="sr-only" aria-label="Logo file" onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Checked here: a file past the server action's body limit would never reach the friendly server-side message.
            if (file && file.size > 2 * 1024 * 1024) setTooBig(true);
            else {
              setTooBig(false);
              form.current?.requestSubmit();
            }
          }}
        />
        {tooBig && (
          <p className="text-destructive text-xs" role="alert">
            Logos can be at most 2 MB.
          </p>
        )}
        {state.message && (
          <p className="text-destructive text-xs" role="alert">
            {state.message}
          </p>
        )}
        <p className="text-muted-foreground text-xs">PNG, SVG, JPEG or WebP, up to 2 MB.</p>
      </div>
    </form>
  );
}
