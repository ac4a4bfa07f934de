import { Send } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils";

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("flex items-center gap-2 font-semibold tracking-tight", className)}>
      <span className="bg-primary text-primary-foreground grid size-8 place-items-center rounded-lg">
        <Send className="size-4" aria-hidden />
      </span>
      <span>AdPilot</span>
    </Link>
  );
}
