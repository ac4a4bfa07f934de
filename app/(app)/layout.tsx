import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/common/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { UserMenu } from "@/components/shell/user-menu";
import { getSessionUser } from "@/lib/auth/session";
import { tierLimits } from "@/lib/auth/tiers";
import { connectionsNeedingReconnect } from "@/lib/meta/connections";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts already redirects signed-out visitors; this is the check that cannot be bypassed.
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const reconnect = await connectionsNeedingReconnect(user.id);

  return (
    <div className="flex min-h-dvh">
      <aside className="bg-sidebar text-sidebar-foreground sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r p-4 md:flex">
        <Logo href="/dashboard" className="mb-8 px-2" />
        <NavLinks />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="bg-background/95 sticky top-0 z-10 flex h-14 items-center justify-between gap-2 border-b px-4 backdrop-blur md:justify-end md:px-8">
          <div className="flex items-center gap-2 md:hidden">
            <MobileNav />
            <Logo href="/dashboard" />
          </div>
          <UserMenu name={user.name} email={user.email} plan={tierLimits(user.subscriptionTier).label} />
        </header>
        {reconnect > 0 && (
          <div role="alert" className="bg-destructive/10 text-destructive flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm md:px-8">
            <span>Meta stopped accepting AdPilot&apos;s access. Background work on that account is paused until you reconnect.</span>
            <Link href="/settings#meta" className="font-medium underline">
              Reconnect
            </Link>
          </div>
        )}
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 md:px-8 md:py-8">{children}</main>
      </div>
    </div>
  );
}
