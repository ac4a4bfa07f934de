import type { LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";

/** What a page shows before it has anything real to show. Never placeholder numbers. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
  className,
}: {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center rounded-xl border border-dashed px-6 py-14 text-center", className)}>
      <span className="bg-primary/10 text-primary mb-4 grid size-12 place-items-center rounded-full">
        <Icon className="size-6" aria-hidden />
      </span>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="text-muted-foreground mt-2 max-w-md text-sm leading-relaxed">{children}</div>
      {action && <div className="mt-6">{action}</div>}
    </div>
  );
}
