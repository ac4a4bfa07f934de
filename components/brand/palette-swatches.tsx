import type { ColorPalette } from "@/db/schema";

const ROLES = ["primary", "secondary", "accent", "background", "text"] as const;

/** The kit's colours with their roles, as chips a marketer can read at a glance. */
export function PaletteSwatches({ palette }: { palette: ColorPalette }) {
  const named = ROLES.filter((role) => palette[role]);
  const extra = (palette.all ?? []).filter((color) => !named.some((role) => palette[role] === color));
  return (
    <ul className="flex flex-wrap gap-3" aria-label="Brand colours">
      {named.map((role) => (
        <li key={role} className="flex items-center gap-2 text-xs">
          <span className="size-8 rounded-md border shadow-xs" style={{ backgroundColor: palette[role] }} aria-hidden />
          <span>
            <span className="block font-medium capitalize">{role}</span>
            <span className="text-muted-foreground font-mono">{palette[role]}</span>
          </span>
        </li>
      ))}
      {extra.map((color) => (
        <li key={color} className="flex items-center gap-2 text-xs">
          <span className="size-8 rounded-md border shadow-xs" style={{ backgroundColor: color }} aria-hidden />
          <span className="text-muted-foreground font-mono">{color}</span>
        </li>
      ))}
    </ul>
  );
}
