import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

type FieldProps = { name: string; label: string; error?: string; hint?: string };

/** Label, control and the error (or hint) tied to it for screen readers; the control is the only difference. */
function FieldShell({ name, label, error, hint, control }: FieldProps & { control: (a11y: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode }) {
  const describedBy = error ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={name}>{label}</Label>
      {control({ id: name, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error ? (
        <p id={`${name}-error`} className="text-destructive text-sm">
          {error}
        </p>
      ) : hint ? (
        <p id={`${name}-hint`} className="text-muted-foreground text-xs">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error tied to it for screen readers. */
export function Field({ name, label, error, hint, ...input }: FieldProps & React.ComponentProps<typeof Input>) {
  return <FieldShell name={name} label={label} error={error} hint={hint} control={(a11y) => <Input {...a11y} {...input} />} />;
}

/** The multi-line sibling of Field. */
export function TextAreaField({ name, label, error, hint, ...textarea }: FieldProps & React.ComponentProps<typeof Textarea>) {
  return <FieldShell name={name} label={label} error={error} hint={hint} control={(a11y) => <Textarea {...a11y} {...textarea} />} />;
}
