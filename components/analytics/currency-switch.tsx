import Link from "next/link";
import { formatCents } from "@/lib/analytics/format";
import type { CurrencySpend } from "@/lib/analytics/queries";
import { cn } from "@/lib/utils";

/** Figures in different currencies are never added up; with several, the user picks which one to see. */
export function CurrencySwitch({ currencies, current, hrefFor }: { currencies: CurrencySpend[]; current: string; hrefFor: (currency: string) => string }) {
  if (currencies.length < 2) return null;
  return (
    <nav aria-label="Currency" className="flex flex-wrap items-center gap-2 text-xs">
      <span className="text-muted-foreground">Your ad accounts use several currencies; showing</span>
      {currencies.map((option) => (
        <Link
          key={option.currency}
          href={hrefFor(option.currency)}
          aria-current={option.currency === current ? "page" : undefined}
          className={cn("rounded-full border px-3 py-1", option.currency === current ? "bg-primary text-primary-foreground border-primary" : "hover:bg-muted")}
        >
          {option.currency} · {formatCents(option.spendCents, option.currency)}
        </Link>
      ))}
    </nav>
  );
}
